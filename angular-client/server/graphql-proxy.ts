import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** Hop-by-hop headers (RFC 9110 §7.6.1) are the proxy's own, not forwarded. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

function forwardedHeaders(req: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
  const remote = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${String(req.headers['x-forwarded-for'])}, ${remote}` : remote;
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

/**
 * `/graphql` over HTTP to the gateway, streaming both ways; the gateway's answer (Set-Cookie included) goes
 * back as it is, so the browser sees one origin.
 */
export function proxyHttp(gateway: URL, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    { hostname: gateway.hostname, port: gateway.port, method: req.method, path: req.url, headers: forwardedHeaders(req) },
    (answer) => {
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'The API gateway is not reachable.', extensions: { code: 'BAD_GATEWAY' } }] }));
    } else res.destroy();
  });
  req.pipe(upstream);
}

/**
 * A WebSocket upgrade of `/graphql` (graphql-ws subscriptions): the request is replayed to the gateway over a
 * new TCP connection and the two sockets are joined byte for byte, so the gateway does the handshake itself.
 */
export function proxyUpgrade(gateway: URL, req: IncomingMessage, client: Duplex, head: Buffer): void {
  const upstream: Socket = connect(Number(gateway.port), gateway.hostname);
  const fail = () => {
    client.destroy();
    upstream.destroy();
  };
  upstream.once('error', fail);
  client.once('error', fail);
  upstream.once('connect', () => {
    const headers = Object.entries(forwardedHeadersForUpgrade(req)).flatMap(([name, value]) =>
      Array.isArray(value) ? value.map((v) => `${name}: ${v}`) : [`${name}: ${value}`]);
    upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client).pipe(upstream);
  });
  upstream.once('close', () => client.destroy());
  client.once('close', () => upstream.destroy());
}

function forwardedHeadersForUpgrade(req: IncomingMessage): Record<string, string | string[]> {
  // the upgrade handshake needs its own hop-by-hop headers
  return { ...forwardedHeaders(req), connection: 'Upgrade', upgrade: String(req.headers.upgrade ?? 'websocket') };
}
