import { join } from 'node:path';
import { migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';

/**
 * The insights DB: the outbox under scope `command` (the name it was first applied under, and in embedded mode,
 * where this DB is the write DB, it is the command's own outbox), then the service's tables under scope
 * `insights`. Distributed, the relay (services/relay, as `insights-relay`) publishes that outbox; it migrates
 * nothing and waits for these migrations.
 */
export async function migrateInsightsDatabase(pool: Pool): Promise<string[]> {
  const outbox = await migrate(pool, 'command', outboxMigrations);
  const own = await migrate(pool, 'insights', await migrationsFromDir(join(import.meta.dirname, '..', '..', '..', 'migrations')));
  return [...outbox, ...own];
}
