import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.webp': 'image/webp', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

/** The same headers as the container's nginx (angular-client/nginx.conf). */
const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

/**
 * The built SPA: files under `root` (fingerprinted ones cached for a year), any other path without a file
 * extension falls back to index.html (client-side routes), never cached. Paths cannot leave `root`.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const file = normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    res.writeHead(404).end();
    return;
  }
  const found = await stat(file).then((s) => (s.isFile() ? s : null), () => null);
  if (found) {
    const isShell = file.endsWith('index.html');
    send(res, req, file, found.size, isShell ? 'no-cache' : 'public, max-age=31536000, immutable');
    return;
  }
  if (extname(pathname)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders }).end('not found');
    return;
  }
  const index = join(root, 'index.html');
  const shell = await stat(index).catch(() => null);
  if (!shell) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The app is not built: npx nx run @mindflow/angular-client:build');
    return;
  }
  send(res, req, index, shell.size, 'no-cache');
}

function send(res: ServerResponse, req: IncomingMessage, file: string, size: number, cacheControl: string): void {
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': cacheControl,
    ...securityHeaders,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}
