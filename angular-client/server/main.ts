// The SPA's server process (embedded mode; `tools/src/system` starts it when the app has been built):
//   CLIENT_PORT (3000), CLIENT_HOST (127.0.0.1), GATEWAY_URL (http://127.0.0.1:4000), CLIENT_DIST (the build),
//   OPS_PORT: /health/live and /health/ready like every MindFlow process.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { startClientServer } from './client-server.js';

const env = process.env;
const root = env['CLIENT_DIST'] ?? join(import.meta.dirname, '..', 'dist', 'angular-client', 'browser');
const client = await startClientServer({
  root,
  gatewayUrl: env['GATEWAY_URL'] ?? 'http://127.0.0.1:4000',
  port: Number(env['CLIENT_PORT'] ?? 3000),
  host: env['CLIENT_HOST'] ?? '127.0.0.1',
});

const ops = createServer((req, res) => {
  const ready = existsSync(join(root, 'index.html'));
  if (req.url === '/health/live') res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"live"}');
  else if (req.url === '/health/ready') {
    res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ready ? 'ready' : 'not built' }));
  } else res.writeHead(404).end();
});
if (env['OPS_PORT']) {
  ops.listen(Number(env['OPS_PORT']), env['OPS_HOST'] ?? '127.0.0.1', () => {
    // OPS_PORT=0: the OS picked it; the launcher reads it back (libs/platform announceListening's line)
    const address = ops.address();
    if (env['MINDFLOW_ANNOUNCE_PORTS'] === '1' && typeof address === 'object' && address) process.stdout.write(`mindflow:listening OPS_PORT=${address.port}\n`);
  });
}
console.log(`MindFlow app on ${client.url} (API proxied to ${env['GATEWAY_URL'] ?? 'http://127.0.0.1:4000'})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    ops.close();
    void client.close().then(() => process.exit(0));
  });
}
