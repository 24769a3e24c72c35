import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The network address a request came from, as identity's login limits count it. By default the socket's
 * peer: `X-Forwarded-For` is written by whoever sends the request, so trusting it lets any client be any
 * address. Behind N proxies of your own (`GATEWAY_TRUSTED_PROXIES=N`), each appends the address it saw, so
 * the client is the N-th address from the right (counting the socket's peer as the last proxy); the
 * left-most entry is never read, since a client can put anything there.
 */
export function clientAddressOf(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const hops = [...forwarded, peer];
  const client = hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
  // A proxy that wrote something other than an address is misconfigured; fall back to the one we saw.
  return isIP(client) ? client : peer;
}
