// Migrations against a real Postgres: applied once, checksummed, and an applied migration edited later stops the start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { migrate, migrationChecksum, MigrationChangedError } from './migrate.js';
import { createPool, type Pool } from './pool.js';

describe('migrate', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('db-migrate');
    pool = createPool(db.url, { applicationName: 'migrate-spec', max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const first = { id: '0001-notes', sql: 'CREATE TABLE notes (id int PRIMARY KEY);' };
  const second = { id: '0002-notes-text', sql: 'ALTER TABLE notes ADD COLUMN text text;' };

  it('applies what has not run, once, and records each checksum', async () => {
    expect(await migrate(pool, 'spec', [first])).toEqual(['0001-notes']);
    expect(await migrate(pool, 'spec', [first, second])).toEqual(['0002-notes-text']);
    expect(await migrate(pool, 'spec', [second, first])).toEqual([]);
    const { rows } = await pool.query('SELECT id, checksum FROM schema_migrations WHERE scope = $1 ORDER BY id', ['spec']);
    expect(rows).toEqual([
      { id: '0001-notes', checksum: migrationChecksum(first.sql) },
      { id: '0002-notes-text', checksum: migrationChecksum(second.sql) },
    ]);
  });

  it('refuses to start when an applied migration was edited, naming it, and applies nothing else', async () => {
    const edited = { ...second, sql: 'ALTER TABLE notes ADD COLUMN body text;' };
    const third = { id: '0003-more', sql: 'CREATE TABLE more (id int);' };
    const failure = await migrate(pool, 'spec', [first, edited, third]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationChangedError);
    expect((failure as Error).message).toMatch(/^migration spec\/0002-notes-text was edited after it was applied/);
    const { rows } = await pool.query<{ more: string | null }>("SELECT to_regclass('more') AS more");
    expect(rows[0]!.more).toBeNull();
    // Only line endings or indentation differ: the same migration.
    expect(await migrate(pool, 'spec', [first, { ...second, sql: `\r\n    ${second.sql.replace(/ /g, '  ')}\r\n` }])).toEqual([]);
  });

  it('records the checksums of migrations applied before checksums existed', async () => {
    await pool.query("INSERT INTO schema_migrations (scope, id) VALUES ('legacy', '0001-old')");
    const old = { id: '0001-old', sql: 'SELECT 1;' };
    expect(await migrate(pool, 'legacy', [old])).toEqual([]);
    const { rows } = await pool.query("SELECT checksum FROM schema_migrations WHERE scope = 'legacy'");
    expect(rows).toEqual([{ checksum: migrationChecksum(old.sql) }]);
  });
});
