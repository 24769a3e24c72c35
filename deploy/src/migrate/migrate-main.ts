// The migrations Job (k8s) / one-shot service (compose): applies every database's schema (write, read — the query
// and search scopes —, identity, insights, notifications, media, and the crypto-shredding key store's when
// KEY_STORE_DATABASE_URL is set), then exits.
// Services still migrate at start-up (idempotent, under the same advisory lock); running this first means a
// rollout never starts new pods against an old schema, and a failing migration stops the rollout visibly.
import { commandMigrations } from '@mindflow/command';
import { createPool, ensureDatabase, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { keyStoreMigrations, outboxMigrations } from '@mindflow/event-log';
import { migrateIdentityDatabase } from '@mindflow/identity';
import { migrateInsightsDatabase } from '@mindflow/insights';
// The migrations alone: the service's index loads sharp, a native add-on a bundle cannot carry.
import { migrateMediaDatabase } from '@mindflow/media-service/migrations';
import { migrateNotificationsDatabase } from '@mindflow/notifications-service';
import { createLogger, loadConfig } from '@mindflow/platform';
import { queryMigrationsDir } from '@mindflow/query';
import { searchMigrationsDir } from '@mindflow/search';
import { z } from 'zod';

const config = loadConfig(
  z.object({
    WRITE_DATABASE_URL: z.string().min(1, 'WRITE_DATABASE_URL: the command write DB is required'),
    READ_DATABASE_URL: z.string().min(1, 'READ_DATABASE_URL: the query read DB is required'),
    IDENTITY_DATABASE_URL: z.string().min(1, "IDENTITY_DATABASE_URL: identity's database is required"),
    INSIGHTS_DATABASE_URL: z.string().min(1, "INSIGHTS_DATABASE_URL: insights' database is required"),
    NOTIFICATIONS_DATABASE_URL: z.string().min(1, "NOTIFICATIONS_DATABASE_URL: the notifications service's database is required"),
    MEDIA_DATABASE_URL: z.string().min(1, "MEDIA_DATABASE_URL: the media service's database is required"),
    /** The data keys of crypto-shredding (`keyStoreConfigSchema` of @mindflow/event-log); unset, no key store to migrate. */
    KEY_STORE_DATABASE_URL: z.string().min(1).optional(),
    LOG_LEVEL: z.string().default('info'),
  }),
);
const log = createLogger('migrate', config.LOG_LEVEL);

const plan: { scope: string; url: string; apply: (pool: Pool) => Promise<string[]> }[] = [
  { scope: 'command', url: config.WRITE_DATABASE_URL, apply: async (pool) => migrate(pool, 'command', await commandMigrations()) },
  // the read DB's outbox (the query projection's UserDataErased, which the query-relay publishes), under the scope
  // `command` as the query projector applies it (migrateQueryDatabase)
  { scope: 'read-outbox', url: config.READ_DATABASE_URL, apply: (pool) => migrate(pool, 'command', outboxMigrations) },
  { scope: 'query', url: config.READ_DATABASE_URL, apply: async (pool) => migrate(pool, 'query', await migrationsFromDir(queryMigrationsDir)) },
  // search's tables in the read DB (its Postgres index, used when there is no Elasticsearch), extensions included
  { scope: 'search', url: config.READ_DATABASE_URL, apply: async (pool) => migrate(pool, 'search', await migrationsFromDir(searchMigrationsDir)) },
  // identity's own tables and its outbox (which the identity-relay publishes)
  { scope: 'identity', url: config.IDENTITY_DATABASE_URL, apply: migrateIdentityDatabase },
  // insights' own tables and its outbox (which the insights-relay publishes)
  { scope: 'insights', url: config.INSIGHTS_DATABASE_URL, apply: migrateInsightsDatabase },
  // the notifications service's own tables and its outbox (which the notifications-relay publishes)
  { scope: 'notifications', url: config.NOTIFICATIONS_DATABASE_URL, apply: migrateNotificationsDatabase },
  // the media service's own tables and its outbox (which the media-relay publishes)
  { scope: 'media', url: config.MEDIA_DATABASE_URL, apply: migrateMediaDatabase },
  // the data keys (`user_data_keys`): its own database, so the processes opening it find it there and migrated
  ...(config.KEY_STORE_DATABASE_URL
    ? [{ scope: 'keys', url: config.KEY_STORE_DATABASE_URL, apply: (pool: Pool) => migrate(pool, 'keys', keyStoreMigrations) }]
    : []),
];

async function databaseExists(url: string): Promise<boolean> {
  const pool = createPool(url, { applicationName: 'migrate' });
  try {
    await pool.query('SELECT 1');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') return false; // invalid_catalog_name: no such database
    throw error;
  } finally {
    await pool.end();
  }
}

try {
  for (const step of plan) {
    // A managed database usually exists already and its user may not reach the `postgres` database.
    if (!(await databaseExists(step.url))) await ensureDatabase(step.url);
    const pool = createPool(step.url, { applicationName: 'migrate' });
    try {
      const applied = await step.apply(pool);
      log.info({ scope: step.scope, applied }, applied.length > 0 ? 'migrated' : 'already up to date');
    } finally {
      await pool.end();
    }
  }
} catch (error) {
  log.error({ err: error }, 'migration failed');
  process.exitCode = 1;
}
