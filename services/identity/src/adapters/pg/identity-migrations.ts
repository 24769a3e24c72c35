import { join } from 'node:path';
import { migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';

/**
 * Migrates identity's database: the shared outbox DDL, then this service's tables (scope `identity`).
 * The outbox goes in under scope `command`, the name it was first applied under (another would apply it again on
 * existing databases). In distributed mode the relay (services/relay, as `identity-relay`) publishes it; the relay
 * migrates nothing and waits for these migrations (docs/CONVENTIONS.md, the outbox).
 */
export async function migrateIdentityDatabase(pool: Pool): Promise<string[]> {
  const outbox = await migrate(pool, 'command', outboxMigrations);
  const own = await migrate(pool, 'identity', await migrationsFromDir(join(import.meta.dirname, '..', '..', '..', 'migrations')));
  return [...outbox, ...own];
}
