// This project's integration suites get real servers from @mindflow/testing (environment, testcontainers
// or tools/infra); a missing server fails the suite with a message saying how to provide it.
import { createPool, type Pool } from '@mindflow/db';
import { createTestDatabase, testServers, uniqueTopicPrefix } from '@mindflow/testing';

export interface TestDatabase {
  readonly url: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

/** A fresh database with a pool on it; `drop()` closes the pool and drops it. */
export async function testDatabase(label: string): Promise<TestDatabase> {
  const database = await createTestDatabase(label);
  const pool = createPool(database.url, { applicationName: `test-${label}`, max: 6 });
  return {
    url: database.url,
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}

/**
 * A fresh database with `projection_versions` and `effects` (one row per applied event, in order): what the
 * projector runtime's own suites project into.
 */
export async function effectsDatabase(label: string): Promise<TestDatabase> {
  const db = await testDatabase(label);
  await db.pool.query(`
    CREATE TABLE projection_versions (projection text, aggregate_id uuid, version int NOT NULL, PRIMARY KEY (projection, aggregate_id));
    CREATE TABLE effects (seq serial PRIMARY KEY, aggregate_id uuid NOT NULL, version int NOT NULL);`);
  return db;
}

export const testKafkaBrokers = async (): Promise<string[]> => (await testServers()).kafkaBrokers();

/** A topic prefix (and consumer-group namespace) no other run shares. */
export const uniquePrefix = (label: string) => uniqueTopicPrefix(label);

/** Polls `check` (a plain condition or a query) until true; fails naming `what` after `timeoutMs`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
