import { join } from 'node:path';
import { migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';

/** The folder of the service's own migrations (scope `notifications`). */
export const notificationsMigrationsDir = join(import.meta.dirname, '..', '..', '..', 'migrations');

/**
 * The notifications DB: the outbox under scope `command` (as insights and identity: in embedded mode, where this
 * DB is the write DB, it is the command's own outbox), then the service's tables under scope `notifications`.
 * Distributed, the relay (services/relay, as `notifications-relay`) publishes that outbox; it migrates nothing.
 */
export async function migrateNotificationsDatabase(pool: Pool): Promise<string[]> {
  const outbox = await migrate(pool, 'command', outboxMigrations);
  const own = await migrate(pool, 'notifications', await migrationsFromDir(notificationsMigrationsDir));
  return [...outbox, ...own];
}
