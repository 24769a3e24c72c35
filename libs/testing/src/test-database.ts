import pg from 'pg';
import { testServers } from './test-servers.js';
import { uniqueDatabaseName } from './unique-names.js';

export interface TestDatabase {
  /** Connection URL of the new, empty database. */
  readonly url: string;
  readonly name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named, empty database on the test PostgreSQL, e.g. `createTestDatabase('projector')`.
 * Suites running side by side never share one, and a re-run never meets the data of the last run. Calling
 * `drop()` is polite but optional: databases left behind are reaped once they are 12 hours old.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const serverUrl = await (await testServers()).postgresUrl();
  const name = uniqueDatabaseName(prefix);
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export interface PooledTestDatabase<P> extends TestDatabase {
  /** What `open` made for the database (a migrated pool); ended by `drop()` before the database goes. */
  readonly pool: P;
}

/**
 * `createTestDatabase(prefix)` with what a suite opens on it, e.g. a pool migrated like production:
 * `createTestDatabaseWithPool('query_subgraph', async (url) => { const pool = createPool(url, …); await migrate(pool, …); return pool; })`.
 * When `open` fails, the database is dropped and the error passed on.
 */
export async function createTestDatabaseWithPool<P extends { end(): Promise<void> }>(
  prefix: string,
  open: (url: string) => Promise<P>,
): Promise<PooledTestDatabase<P>> {
  const database = await createTestDatabase(prefix);
  let pool: P;
  try {
    pool = await open(database.url);
  } catch (error) {
    await database.drop().catch(() => undefined);
    throw error;
  }
  return {
    ...database,
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}

async function withAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
