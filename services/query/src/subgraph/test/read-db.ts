import { join } from 'node:path';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { createTestDatabase } from '@mindflow/testing';

/** The query projector's migrations: the tables this subgraph reads (services/query/migrations). */
export const queryMigrationsDir = join(import.meta.dirname, '..', '..', '..', 'migrations');

export interface TestReadDb {
  readonly url: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

/**
 * A fresh read DB for one suite on the test Postgres (@mindflow/testing: environment, testcontainers or
 * tools/infra; a missing server fails the suite, never skips it), with the projector's migrations applied.
 */
export async function createTestReadDb(): Promise<TestReadDb> {
  const database = await createTestDatabase('query_subgraph');
  const pool = createPool(database.url, { applicationName: 'query-subgraph-test', max: 4 });
  await migrate(pool, 'query', await migrationsFromDir(queryMigrationsDir));
  return {
    url: database.url,
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}
