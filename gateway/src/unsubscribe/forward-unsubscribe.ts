import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@mindflow/platform';
import { BodyTooLargeError, readBody } from '../http/read-body.js';

/** The emails' one-click unsubscribe links' path (NOTIFICATIONS_UNSUBSCRIBE_URL is the gateway's origin + this). */
export const unsubscribePath = '/unsubscribe';

/** The notifications subgraph's page headers passed on: its CSP and the rest of its security headers. */
const passedHeaders = ['content-type', 'content-security-policy', 'x-content-type-options', 'cache-control', 'allow'];

/** The one-click body (`List-Unsubscribe=One-Click`) or the page's form: a few bytes. */
const maxBodyBytes = 1024;
const timeoutMs = 10_000;

/**
 * `/unsubscribe` (RFC 8058), forwarded to the notifications subgraph that serves it: GET shows its confirmation
 * page, POST unsubscribes (the signed query string is passed as is; the subgraph checks it). The subgraph's CSP and
 * security headers are kept; `referrer-policy: no-referrer` is added (the link carries a signature), and the page
 * cannot be framed. False for any other path. `target`: the notifications subgraph's URL (its `/graphql`).
 */
export function unsubscribeForwarder(
  target: string | undefined,
  log: Logger,
): (req: IncomingMessage, res: ServerResponse, url: URL) => boolean {
  return (req, res, url) => {
    if (url.pathname !== unsubscribePath) return false;
    if (!target) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end('not found');
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      req.resume();
      res.writeHead(405, { allow: 'GET, POST' }).end();
      return true;
    }
    void forward(req, res, new URL(`${unsubscribePath}${url.search}`, target)).catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge) log.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'unsubscribe not forwarded');
      if (!res.headersSent) res.writeHead(tooLarge ? 413 : 502, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end(tooLarge ? 'body too large' : 'unsubscribe is unavailable: try again later');
    });
    return true;
  };
}

async function forward(req: IncomingMessage, res: ServerResponse, to: URL): Promise<void> {
  const body = req.method === 'POST' ? await readBody(req, maxBodyBytes) : undefined;
  const contentType = req.headers['content-type'];
  const answer = await fetch(to, {
    method: req.method,
    ...(body ? { body: new Uint8Array(body) } : {}),
    headers: contentType ? { 'content-type': contentType } : {},
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = Buffer.from(await answer.arrayBuffer());
  const headers: Record<string, string> = { 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' };
  for (const name of passedHeaders) {
    const value = answer.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  if (headers['content-security-policy'] && !headers['content-security-policy'].includes('frame-ancestors')) {
    headers['content-security-policy'] += "; frame-ancestors 'none'";
  }
  res.writeHead(answer.status, { ...headers, 'content-length': text.length });
  res.end(text);
}
