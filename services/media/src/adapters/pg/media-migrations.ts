import { join } from 'node:path';
import { migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';

/** The folder of the service's own migrations (scope `media`). */
export const mediaMigrationsDir = join(import.meta.dirname, '..', '..', '..', 'migrations');

/**
 * The media DB: the outbox under scope `command` (as insights, identity and notifications: in embedded mode, where
 * this DB is the write DB, it is the command's own outbox), then the service's tables under scope `media`.
 * Distributed, the relay (services/relay, as `media-relay`) publishes that outbox; it migrates nothing.
 */
export async function migrateMediaDatabase(pool: Pool): Promise<string[]> {
  const outbox = await migrate(pool, 'command', outboxMigrations);
  const own = await migrate(pool, 'media', await migrationsFromDir(mediaMigrationsDir));
  return [...outbox, ...own];
}
