// `npx tsx tools/src/erasure/seal-outbox.ts [--database <url>]`: seals the personal fields of the outbox rows written
// before crypto-shredding (issue 16), in place, then vacuums the table so their clear versions leave it. Run it once
// per outbox: the write DB (default: WRITE_DATABASE_URL), and, distributed, identity's, insights' and notifications'.
// The key store is the one the services use: KEY_STORE_DATABASE_URL (default: the write DB) and KEY_STORE_MASTER_KEY.
import { parseArgs } from 'node:util';
import { createPool } from '@mindflow/db';
import { keyStoreConfigSchema, openKeyStore } from '@mindflow/event-log';
import { createLogger } from '@mindflow/platform';
import { sealOutboxHistory } from './seal-outbox-history.js';

const { values } = parseArgs({ options: { database: { type: 'string' }, 'batch-size': { type: 'string' } } });
const writeDatabaseUrl = process.env['WRITE_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/mindflow_write';
const database = values.database ?? writeDatabaseUrl;
const log = createLogger('seal-outbox');
const keyStore = await openKeyStore({ ...keyStoreConfigSchema.parse(process.env), databaseUrl: writeDatabaseUrl }, { log });
const pool = createPool(database, { applicationName: 'seal-outbox', max: 1 });
try {
  const report = await sealOutboxHistory(pool, keyStore.keys, { batchSize: Number(values['batch-size'] ?? 500) });
  await pool.query('VACUUM outbox');
  log.info(report, 'outbox history sealed');
} finally {
  await pool.end();
  await keyStore.close();
}
