// A role for the supervisor's tests: answers /health/ready on OPS_PORT; with DIE_AFTER_MS, exits with code 3 that
// long after it first answered ready (a role that keeps crashing, but only once it was seen up).
import { createServer } from 'node:http';

const dieAfter = Number(process.env['DIE_AFTER_MS'] ?? 0);
let dying = false;
const server = createServer((_req, res) => {
  res.writeHead(200).end('ok');
  if (dieAfter > 0 && !dying) {
    dying = true;
    setTimeout(() => process.exit(3), dieAfter);
  }
});
server.listen(Number(process.env['OPS_PORT']), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
