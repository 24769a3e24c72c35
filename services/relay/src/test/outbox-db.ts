import { createPool, migrate, type Pool } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';
import { createTestDatabase } from '@mindflow/testing';

export interface TestOutboxDb {
  readonly url: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

/**
 * A fresh database on the test PostgreSQL with an outbox, migrated as its owner would (the command service,
 * identity and insights apply `outboxMigrations` in their own schema; the relay migrates nothing).
 * `migrated: false` leaves it empty, for a relay that has to wait for the owner.
 */
export async function outboxDb(label: string, options: { migrated?: boolean } = {}): Promise<TestOutboxDb> {
  const database = await createTestDatabase(label);
  const pool = createPool(database.url, { applicationName: `test-${label}`, max: 12 });
  if (options.migrated ?? true) await migrateOutbox(pool);
  return {
    url: database.url,
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}

/** What the owner's migrations do for the outbox (scope `command`, as all three owners record it). */
export const migrateOutbox = (pool: Pool) => migrate(pool, 'command', outboxMigrations);
