import { join } from 'node:path';
import { migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';

/**
 * The insights DB: the outbox under scope `command` (so the command relay, run as `insights-relay`, finds it
 * migrated, and so that in embedded mode, where this DB is the write DB, it is the command's own outbox),
 * then the service's tables under scope `insights`.
 */
export async function migrateInsightsDatabase(pool: Pool): Promise<string[]> {
  const outbox = await migrate(pool, 'command', outboxMigrations);
  const own = await migrate(pool, 'insights', await migrationsFromDir(join(import.meta.dirname, '..', '..', '..', 'migrations')));
  return [...outbox, ...own];
}
