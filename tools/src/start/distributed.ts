// `npm run start:distributed`: every service as its own process against real Postgres (two databases),
// Kafka, Redis and Elasticsearch — the servers `npm run infra:up` started, or the ones named in the environment.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDatabase } from '@mindflow/db';
import { repoRoot, startSystem } from '../system/index.js';
import { runLauncher, statusFile, supervision } from './launcher.js';
import { printWelcome } from './welcome.js';

interface Endpoints { postgresUrl?: string; redisUrl?: string; kafkaBrokers?: string; elasticsearchUrl?: string }

const started: Endpoints = await readFile(join(repoRoot, '.cache', 'infra', 'endpoints.json'), 'utf8')
  .then((text) => JSON.parse(text) as Endpoints)
  .catch(() => ({}));
const server = (started.postgresUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres').replace(/\/[^/]*$/, '');
const writeUrl = process.env['WRITE_DATABASE_URL'] ?? `${server}/mindflow_write`;
const readUrl = process.env['READ_DATABASE_URL'] ?? `${server}/mindflow_read`;
const kafkaBrokers = process.env['KAFKA_BROKERS'] ?? started.kafkaBrokers;
const redisUrl = process.env['REDIS_URL'] ?? started.redisUrl;
// search: Elasticsearch when one is known, else Postgres full-text search in the read DB
const elasticsearchUrl = process.env['ELASTICSEARCH_URL'] ?? started.elasticsearchUrl;
if (!kafkaBrokers || !redisUrl) {
  console.error('distributed mode needs Kafka and Redis: run `npm run infra:up`, or set KAFKA_BROKERS and REDIS_URL');
  process.exit(1);
}
await ensureDatabase(writeUrl);
await ensureDatabase(readUrl);

let urls: { gatewayUrl?: string; appUrl?: string } = {};
const system = await startSystem({
  mode: 'distributed',
  writeDatabaseUrl: writeUrl,
  readDatabaseUrl: readUrl,
  kafkaBrokers,
  redisUrl,
  ...(elasticsearchUrl ? { elasticsearchUrl } : {}),
  gatewayPort: Number(process.env['GATEWAY_PORT'] ?? 4000),
  gatewayHost: process.env['HOST'],
  clientPort: Number(process.env['CLIENT_PORT'] ?? 3000),
  supervise: supervision('distributed', () => urls),
  // the gateway's /health/ready lists the supervisor's view of every role from it
  extraEnv: { MINDFLOW_STATUS_FILE: statusFile },
});
urls = system;
runLauncher('distributed', system);
printWelcome(system.gatewayUrl, system.appUrl);
