import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './index.js';

describe('PostgreSQL for suites', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it('creates a fresh database the suite can use', async () => {
    const database = await createTestDatabase('testing-postgres');
    databases.push(database);
    expect(database.name).toMatch(/^mft_testing_postgres_/);
    const [row] = await query<{ current: string }>(database.url, 'SELECT current_database() AS current');
    expect(row?.current).toBe(database.name);
  });

  it('keeps two databases apart', async () => {
    const [a, b] = await Promise.all([createTestDatabase('isolation'), createTestDatabase('isolation')]);
    databases.push(a, b);
    expect(a.url).not.toBe(b.url);
    await query(a.url, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('only in a')");
    expect(await query(a.url, 'SELECT text FROM notes')).toEqual([{ text: 'only in a' }]);
    const inB = await query<{ exists: boolean }>(b.url, "SELECT to_regclass('notes') IS NOT NULL AS exists");
    expect(inB).toEqual([{ exists: false }]);
  });

  it('drops a database even with a connection still open', async () => {
    const database = await createTestDatabase('drop');
    const open = new pg.Client({ connectionString: database.url });
    open.on('error', () => undefined); // the drop ends this connection on purpose
    await open.connect();
    await database.drop();
    const [row] = await query<{ count: string }>(
      database.url.replace(/\/[^/]*$/, '/postgres'),
      `SELECT count(*) FROM pg_database WHERE datname = '${database.name}'`,
    );
    expect(row?.count).toBe('0');
    await open.end().catch(() => undefined);
  });
});
