import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@mindflow/platform';
import { loadPlaygroundAssets, playgroundAssetsDir, playgroundAssetsPath, type PlaygroundAssets } from './playground-assets.js';
import { playgroundNotBuiltPage, playgroundPage } from './playground-page.js';

/**
 * The page's policy. Scripts and <style> elements run only with this response's nonce (the bundle's
 * modules and chunks inherit it from the entry script). Relaxed only where GraphiQL 5 needs it:
 * - style-src-attr 'unsafe-inline': Monaco renders its lines as HTML strings with `style="top:…"`
 *   attributes; inline style attributes cannot run script, and <style> elements still need the nonce;
 * - worker-src 'self': Monaco's language services run in web workers, loaded from /playground/assets/;
 * - font-src data:: graphiql/style.css carries its fonts (Fira Code, Roboto, Monaco's codicons) as data URLs;
 * - img-src data:: the small SVG images inlined in the same stylesheet.
 * connect-src 'self' covers /graphql over HTTP and WebSocket (same origin).
 */
export function playgroundPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "worker-src 'self'",
    'font-src data:',
    'img-src data:',
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** GET /playground (the page) and /playground/assets/<name> (its bundle); false for any other request. */
export async function playgroundServer(
  log: Logger,
  dir = playgroundAssetsDir,
): Promise<(req: IncomingMessage, res: ServerResponse, pathname: string) => boolean> {
  let assets: PlaygroundAssets | undefined = await loadPlaygroundAssets(dir);
  if (!assets) log.warn({ dir }, 'playground not built: /playground says how (npm run build:playground -w @mindflow/gateway)');
  // Built after start-up (the page told someone how): picked up without a restart.
  const current = async () => (assets ??= await loadPlaygroundAssets(dir));

  return (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (pathname === '/playground' || pathname === '/playground/') {
      void current().then((loaded) => servePage(res, loaded), () => servePage(res, undefined));
      return true;
    }
    if (!pathname.startsWith(playgroundAssetsPath)) return false;
    const file = assets?.files.get(pathname.slice(playgroundAssetsPath.length)) // names are [\w.-]: no decoding;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end('not found');
      return true;
    }
    const gzip = file.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? file.gzipped : undefined;
    const body = gzip ?? file.body;
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...(file.gzipped ? { vary: 'accept-encoding' } : {}),
      'x-content-type-options': 'nosniff',
      // Hashed names: a new build is a new URL.
      'cache-control': 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

function servePage(res: ServerResponse, assets: PlaygroundAssets | undefined): void {
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(assets ? 200 : 503, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': playgroundPolicy(nonce),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(assets ? playgroundPage(nonce, assets.manifest) : playgroundNotBuiltPage(nonce));
}
