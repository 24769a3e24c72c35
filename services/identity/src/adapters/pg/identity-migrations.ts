import { join } from 'node:path';
import { migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';

/**
 * Migrates identity's database: the shared outbox DDL, then this service's tables (scope `identity`).
 * The outbox goes in under scope `command` on purpose: in distributed mode the outbox relay of
 * services/command (`startRelay`) also runs over this database (`identity-relay`) and migrates scope
 * `command` before it publishes; sharing that scope keeps it from creating the outbox a second time.
 */
export async function migrateIdentityDatabase(pool: Pool): Promise<string[]> {
  const outbox = await migrate(pool, 'command', outboxMigrations);
  const own = await migrate(pool, 'identity', await migrationsFromDir(join(import.meta.dirname, '..', '..', '..', 'migrations')));
  return [...outbox, ...own];
}
