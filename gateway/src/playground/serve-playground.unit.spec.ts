import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createLogger } from '@mindflow/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { playgroundManifestName, type PlaygroundManifest } from './playground-assets.js';
import { playgroundServer } from './serve-playground.js';

const log = createLogger('playground-test', 'silent');
let server: Server | undefined;
let dir: string | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) await rm(dir, { recursive: true, force: true });
  server = dir = undefined;
});

/** A server answering what the playground handler takes, 418 for the rest; its base URL. */
async function serve(assetsDir: string): Promise<string> {
  const handle = await playgroundServer(log, assetsDir);
  server = createServer((req, res) => {
    if (!handle(req, res, new URL(req.url ?? '/', 'http://x').pathname)) res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** What the builder leaves: a manifest and hashed files under assets/. */
async function builtAssets(into?: string): Promise<string> {
  const target = into ?? (dir = await mkdtemp(join(tmpdir(), 'playground-')));
  await mkdir(join(target, 'assets'), { recursive: true });
  const manifest: PlaygroundManifest = { stamp: 'test', script: 'playground-ABC.js', styles: ['playground-DEF.css'] };
  await writeFile(join(target, playgroundManifestName), JSON.stringify(manifest));
  await writeFile(join(target, 'assets', 'playground-ABC.js'), 'export {};');
  await writeFile(join(target, 'assets', 'playground-ABC.js.gz'), gzipSync('export {};'));
  await writeFile(join(target, 'assets', 'playground-DEF.css'), 'body{}');
  return target;
}

describe('the playground server', () => {
  it('serves the page with a fresh nonce on its script and stylesheet, and the CSP that requires it', async () => {
    const base = await serve(await builtAssets());
    const [first, second] = [await fetch(`${base}/playground`), await fetch(`${base}/playground`)];
    expect(first.status).toBe(200);
    const csp = first.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)';/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`style-src 'nonce-${nonce}';`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    const html = await first.text();
    expect(html).toContain(`<script type="module" nonce="${nonce}" src="/playground/assets/playground-ABC.js"></script>`);
    expect(html).toContain(`<link rel="stylesheet" nonce="${nonce}" href="/playground/assets/playground-DEF.css">`);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves the bundled files by their exact names, cacheable forever, and nothing else', async () => {
    const base = await serve(await builtAssets());
    const script = await fetch(`${base}/playground/assets/playground-ABC.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe('export {};'); // fetch asks for gzip and decodes it
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('vary')).toBe('accept-encoding');
    expect((await fetch(`${base}/playground/assets/playground-ABC.js.gz`)).status).toBe(404);
    expect((await fetch(`${base}/playground/assets/manifest.json`)).status).toBe(404);
    expect((await fetch(`${base}/playground/assets/..%2fmanifest.json`)).status).toBe(404);
    expect((await fetch(`${base}/playground`, { method: 'POST' })).status).toBe(418);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(418);
  });

  it('says how to build it when it is not built (503), and serves it once built, without a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'playground-'));
    const base = await serve(join(dir, 'not-yet'));
    const missing = await fetch(`${base}/playground`);
    expect(missing.status).toBe(503);
    expect(missing.headers.get('content-security-policy')).toMatch(/style-src 'nonce-/);
    expect(await missing.text()).toContain('npm run build:playground -w @mindflow/gateway');

    await builtAssets(join(dir, 'not-yet'));
    const page = await fetch(`${base}/playground`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/playground/assets/playground-ABC.js');
    expect((await fetch(`${base}/playground/assets/playground-ABC.js`)).status).toBe(200);
  });
});
