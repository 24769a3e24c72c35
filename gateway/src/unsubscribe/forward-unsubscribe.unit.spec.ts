import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeForwarder } from './forward-unsubscribe.js';

const log = createLogger('forward-unsubscribe-test', 'silent');

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the gateway forwards /unsubscribe to the notifications subgraph', () => {
  const seen: { method: string | undefined; url: string | undefined; body: string; type: string | undefined }[] = [];
  const csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";
  // the notifications subgraph's side: answers like unsubscribeHandler's page
  const subgraph = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString(), type: req.headers['content-type'] });
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
        'content-security-policy': csp, 'set-cookie': 'not=passed',
      });
      res.end(req.method === 'POST' ? '<h1>Unsubscribed</h1>' : '<form method="post"><button>Unsubscribe</button></form>');
    });
  });
  let gateway: Server;
  let gatewayUrl: string;

  beforeAll(async () => {
    const subgraphUrl = `${await listen(subgraph)}/graphql`;
    const forward = unsubscribeForwarder(subgraphUrl, log);
    gateway = createServer((req, res) => {
      if (!forward(req, res, new URL(req.url ?? '/', 'http://gateway'))) res.writeHead(404).end('elsewhere');
    });
    gatewayUrl = await listen(gateway);
  });

  afterAll(async () => {
    await new Promise((resolve) => gateway.close(resolve));
    await new Promise((resolve) => subgraph.close(resolve));
  });

  it('GET shows the subgraph’s confirmation page, with its CSP and security headers, the signed query passed as is', async () => {
    seen.length = 0;
    const page = await fetch(`${gatewayUrl}/unsubscribe?user=u-1&sig=abc_-1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect(page.headers.get('content-security-policy')).toBe(`${csp}; frame-ancestors 'none'`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(seen).toEqual([{ method: 'GET', url: '/unsubscribe?user=u-1&sig=abc_-1', body: '', type: undefined }]);
  });

  it('POST (the one click) is forwarded with its body', async () => {
    seen.length = 0;
    const clicked = await fetch(`${gatewayUrl}/unsubscribe?user=u-2&sig=xyz`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toBe('<h1>Unsubscribed</h1>');
    expect(seen).toEqual([{ method: 'POST', url: '/unsubscribe?user=u-2&sig=xyz', body: 'List-Unsubscribe=One-Click', type: 'application/x-www-form-urlencoded' }]);
  });

  it('refuses other methods and big bodies, leaves other paths alone, and says 502 when the subgraph is down', async () => {
    seen.length = 0;
    expect((await fetch(`${gatewayUrl}/unsubscribe`, { method: 'PUT', body: 'x' })).status).toBe(405);
    expect((await fetch(`${gatewayUrl}/unsubscribe?user=u`, { method: 'POST', body: 'x'.repeat(5_000) })).status).toBe(413);
    expect(await (await fetch(`${gatewayUrl}/unsubscribe/more`)).text()).toBe('elsewhere');
    expect(seen).toEqual([]);
    const down = createServer((req, res) => {
      if (!unsubscribeForwarder('http://127.0.0.1:1/graphql', log)(req, res, new URL(req.url ?? '/', 'http://gateway'))) res.end();
    });
    const downUrl = await listen(down);
    try {
      expect((await fetch(`${downUrl}/unsubscribe?user=u`)).status).toBe(502);
    } finally {
      await new Promise((resolve) => down.close(resolve));
    }
  });
});
