import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { createTestDatabaseWithPool, type PooledTestDatabase } from '@mindflow/testing';

/** The query projector's migrations: the read tables the query subgraph serves. */
const queryMigrationsDir = join(import.meta.dirname, '..', '..', 'services', 'query', 'migrations');

export type TestReadDb = PooledTestDatabase<Pool>;

/**
 * A fresh read DB on the test Postgres (@mindflow/testing: environment, testcontainers or tools/infra;
 * a missing server fails the suite, never skips it) with the query projector's migrations applied.
 */
export function createTestReadDb(): Promise<TestReadDb> {
  return createTestDatabaseWithPool('gateway', async (url) => {
    const pool = createPool(url, { applicationName: 'gateway-test', max: 2 });
    await migrate(pool, 'query', await migrationsFromDir(queryMigrationsDir));
    return pool;
  });
}

/** A journal with entries, as the query projector would have written them. */
export async function seedJournalWithEntries(pool: Pool, ownerId: string, name: string, titles: string[]): Promise<string> {
  const journalId = randomUUID();
  await pool.query(
    `INSERT INTO journals_view (journal_id, owner_id, name, is_private, version, entry_count, created_at, updated_at)
     VALUES ($1, $2, $3, false, 1, $4, now(), now())`,
    [journalId, ownerId, name, titles.length],
  );
  await pool.query(`INSERT INTO projection_versions (projection, aggregate_id, version) VALUES ('query', $1, 1)`, [journalId]);
  for (const [i, title] of titles.entries()) {
    await pool.query(
      `INSERT INTO entries_view (entry_id, journal_id, owner_id, journal_name, title, content, mood, tags, word_count, version,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'words', 'GOOD', '{}', 1, 1, now() - make_interval(secs => $6), now())`,
      [randomUUID(), journalId, ownerId, name, title, i],
    );
  }
  return journalId;
}
