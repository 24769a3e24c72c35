import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { playgroundPage } from './playground-page.js';

export function servePlayground(res: ServerResponse): void {
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    // Only our inline script and style run, and the page talks to this origin only.
    'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(playgroundPage(nonce));
}
