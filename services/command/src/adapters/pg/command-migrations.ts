import { join } from 'node:path';
import { migrationsFromDir, type Migration } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';

/** The write DB's schema, scope `command`: the shared outbox first, then this service's tables. */
export async function commandMigrations(): Promise<Migration[]> {
  return [...outboxMigrations, ...(await migrationsFromDir(join(import.meta.dirname, '..', '..', '..', 'migrations')))];
}
