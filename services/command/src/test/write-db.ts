import { createPool, migrate, type Pool } from '@mindflow/db';
import { createTestDatabase } from '@mindflow/testing';
import { commandMigrations } from '../adapters/pg/command-migrations.js';

export interface TestWriteDb {
  readonly url: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

/** A fresh write DB on the test PostgreSQL, migrated like production (scope `command`). */
export async function migratedWriteDb(label: string): Promise<TestWriteDb> {
  const database = await createTestDatabase(label);
  const pool = createPool(database.url, { applicationName: `test-${label}`, max: 12 });
  await migrate(pool, 'command', await commandMigrations());
  return {
    url: database.url,
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}

/** The outbox as plain rows, in commit-safe order, for assertions. */
export async function outboxRows(pool: Pool, aggregateId?: string) {
  const { rows } = await pool.query<{
    event_type: string;
    aggregate_id: string;
    aggregate_version: number;
    user_id: string;
    correlation_id: string;
    payload: Record<string, unknown>;
  }>(
    `SELECT event_type, aggregate_id, aggregate_version, user_id, correlation_id, payload FROM outbox
      WHERE $1::uuid IS NULL OR aggregate_id = $1 ORDER BY outbox.tx_id, outbox.position`,
    [aggregateId ?? null],
  );
  return rows;
}

/** How many rows of `table` match `where` (a test's own SQL, never user input). */
export async function countRows(pool: Pool, table: string, where = 'true', values: unknown[] = []): Promise<number> {
  return (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, values)).rows[0]!.n;
}
