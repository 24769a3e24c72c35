export { createPool, type Pool, type PoolClient } from './pool.js';
export { withTransaction } from './transaction.js';
export { ensureDatabase } from './ensure-database.js';
export { migrate, migrationChecksum, MigrationChangedError, migrationsFromDir, type Migration } from './migrate.js';
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.js';
export { PgChannelListener, type PgChannelListenerOptions } from './pg-channel-listener.js';
