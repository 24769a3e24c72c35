// The embedded app server against a stand-in gateway on loopback: static files with the SPA fallback,
// /graphql over HTTP (cookies both ways) and over WebSocket.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startClientServer, type ClientServer } from './client-server.js';

describe('client server', () => {
  let root: string;
  let gateway: Server;
  let sockets: WebSocketServer;
  let client: ClientServer;
  let seen: { method?: string; url?: string; headers?: IncomingHttpHeaders; body?: string } = {};

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mindflow-client-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<html>shell</html>');
    await writeFile(join(root, 'main-ABC.js'), 'console.log(1)');
    await writeFile(join(tmpdir(), 'outside-secret.txt'), 'secret');
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body };
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'mindflow_refresh=r1; HttpOnly; Path=/graphql' });
        res.end('{"data":{"ok":true}}');
      });
    });
    sockets = new WebSocketServer({ server: gateway, path: '/graphql' });
    sockets.on('connection', (ws, req) => {
      ws.send(`protocol=${ws.protocol} cookie=${req.headers.cookie ?? ''}`);
      ws.on('message', (m) => ws.send(`echo:${m.toString()}`));
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const { port } = gateway.address() as AddressInfo;
    client = await startClientServer({ root, gatewayUrl: `http://127.0.0.1:${port}`, port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await client?.close();
    sockets?.close();
    await new Promise((resolve) => gateway?.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  it('serves files, long-cached, and the app shell for client routes, never cached', async () => {
    const asset = await fetch(`${client.url}/main-ABC.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');

    const route = await fetch(`${client.url}/journals/123`);
    expect(route.status).toBe(200);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(route.headers.get('x-frame-options')).toBe('DENY');
    expect(await route.text()).toBe('<html>shell</html>');

    expect((await fetch(`${client.url}/missing.js`)).status).toBe(404);
    expect((await fetch(`${client.url}/..%2Foutside-secret.txt`)).status).toBe(404);
  });

  it('proxies /graphql with the body and cookies both ways', async () => {
    const res = await fetch(`${client.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'mindflow_refresh=r0', authorization: 'Bearer t' },
      body: '{"query":"{ ok }"}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(res.headers.get('set-cookie')).toContain('mindflow_refresh=r1');
    expect(seen).toMatchObject({ method: 'POST', url: '/graphql', body: '{"query":"{ ok }"}' });
    expect(seen.headers).toMatchObject({ cookie: 'mindflow_refresh=r0', authorization: 'Bearer t', 'x-forwarded-for': '127.0.0.1' });
  });

  it('proxies WebSocket upgrades of /graphql with the subprotocol', async () => {
    const ws = new WebSocket(`${client.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: { cookie: 'c=1' } });
    const messages: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      ws.on('message', (m) => {
        messages.push(m.toString());
        if (messages.length === 1) ws.send('ping');
        else resolve();
      });
      ws.on('error', reject);
    });
    await done;
    ws.close();
    expect(messages).toEqual(['protocol=graphql-transport-ws cookie=c=1', 'echo:ping']);
  });

  it('answers 502 in GraphQL shape when the gateway is down', async () => {
    const down = await startClientServer({ root, gatewayUrl: 'http://127.0.0.1:9', port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${down.url}/graphql`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(502);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('BAD_GATEWAY');
    } finally {
      await down.close();
    }
  });
});
