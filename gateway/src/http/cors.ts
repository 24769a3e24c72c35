import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for the SPA's origins only, with credentials (the refresh-token cookie). Any other origin gets no
 * CORS headers, so browsers keep its pages from reading our answers. Returns true when it answered a preflight.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin && allowedOrigins.has(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('vary', 'Origin');
  }
  if (req.method !== 'OPTIONS') return false;
  if (origin && allowedOrigins.has(origin)) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'access-control-allow-headers',
      'authorization, content-type, x-consistent-with, x-correlation-id, apollo-require-preflight',
    );
    res.setHeader('access-control-expose-headers', 'x-correlation-id');
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(204).end();
  return true;
}
