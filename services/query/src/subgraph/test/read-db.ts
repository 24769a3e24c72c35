import { join } from 'node:path';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { createTestDatabaseWithPool, type PooledTestDatabase } from '@mindflow/testing';

/** The query projector's migrations: the tables this subgraph reads (services/query/migrations). */
export const queryMigrationsDir = join(import.meta.dirname, '..', '..', '..', 'migrations');

export type TestReadDb = PooledTestDatabase<Pool>;

/**
 * A fresh read DB for one suite on the test Postgres (@mindflow/testing: environment, testcontainers or
 * tools/infra; a missing server fails the suite, never skips it), with the projector's migrations applied.
 */
export function createTestReadDb(): Promise<TestReadDb> {
  return createTestDatabaseWithPool('query_subgraph', async (url) => {
    const pool = createPool(url, { applicationName: 'query-subgraph-test', max: 4 });
    await migrate(pool, 'query', await migrationsFromDir(queryMigrationsDir));
    return pool;
  });
}
