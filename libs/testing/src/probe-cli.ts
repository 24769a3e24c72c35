// `node --import tsx libs/testing/src/probe-cli.ts <server> <address>` (tools/infra's `probe`): exits 0 when the
// server answers its own protocol, 1 with the reason when it does not, 2 on a usage error. The same probes as the
// test suites' server discovery (server-probes.ts).
import { probeServer } from './server-probes.js';
import { serverInfo, type ServerName } from './server-names.js';

const [server, address] = process.argv.slice(2);
if (!server || !(server in serverInfo) || !address) {
  console.error(`usage: probe-cli.ts ${Object.keys(serverInfo).join('|')} <url or brokers>`);
  process.exit(2);
}
try {
  await probeServer(server as ServerName, address);
  process.exit(0);
} catch (error) {
  console.error(`${server} at ${address} does not answer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
