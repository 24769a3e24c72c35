// A role for the supervisor's tests: answers /health/ready on OPS_PORT; with DIE_AFTER_MS, exits with code 3 that
// long after it first answered ready (a role that keeps crashing, but only once it was seen up). OPS_PORT 0 is
// announced as the real services do (libs/platform announceListening). With MAIN_PORT, it first listens there too
// (a server that must be told its port in advance, as a subgraph's is) and, like a real service, starts its ops
// server only once that one listens: a port in use kills it during start-up (EADDRINUSE).
import { createServer } from 'node:http';

const dieAfter = Number(process.env['DIE_AFTER_MS'] ?? 0);
let dying = false;
// READY_AFTER_MS: /health/ready answers 503 that long after start (a projector catching up), /health/live 200.
const readyAt = Date.now() + Number(process.env['READY_AFTER_MS'] ?? 0);
// NOT_LIVE_AFTER_MS: /health/live answers 503 from that long after start (a consumer stopped while events wait).
const notLiveAt = process.env['NOT_LIVE_AFTER_MS'] ? Date.now() + Number(process.env['NOT_LIVE_AFTER_MS']) : Infinity;
const server = createServer((req, res) => {
  if (req.url === '/health/ready' && Date.now() < readyAt) return void res.writeHead(503).end('catching up');
  if (req.url === '/health/live' && Date.now() >= notLiveAt) return void res.writeHead(503).end('stalled');
  res.writeHead(200).end('ok');
  if (dieAfter > 0 && !dying) {
    dying = true;
    setTimeout(() => process.exit(3), dieAfter);
  }
});
const main = createServer((_req, res) => res.writeHead(200).end('main'));
const listenOps = () =>
  server.listen(Number(process.env['OPS_PORT']), '127.0.0.1', () => {
    const address = server.address();
    if (process.env['MINDFLOW_ANNOUNCE_PORTS'] === '1' && typeof address === 'object' && address) process.stdout.write(`mindflow:listening OPS_PORT=${address.port}\n`);
  });
if (process.env['MAIN_PORT']) main.listen(Number(process.env['MAIN_PORT']), '127.0.0.1', listenOps);
else listenOps();
process.on('SIGTERM', () => {
  main.close();
  server.close(() => process.exit(0));
});
