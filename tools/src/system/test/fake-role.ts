// A role for the supervisor's tests: answers /health/ready on OPS_PORT; with DIE_AFTER_MS, exits with code 3 that
// long after becoming ready (a role that keeps crashing).
import { createServer } from 'node:http';

const server = createServer((_req, res) => res.writeHead(200).end('ok'));
server.listen(Number(process.env['OPS_PORT']), '127.0.0.1');
const dieAfter = Number(process.env['DIE_AFTER_MS'] ?? 0);
if (dieAfter > 0) setTimeout(() => process.exit(3), dieAfter);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
