import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerReader, ReaderPool, readerRole } from './read-model/reader.js';
import { createTestReadDb, type TestReadDb } from './test/read-db.js';
import { seedCalendarEvent, seedEntry, seedJournal, seedTask, seedThought } from './test/seed.js';

// Postgres row-level security under the subgraph's reads (migrations/0005-row-level-security.sql, and each
// later table's own migration, e.g. 0007-task-occurrences-view.sql, 0008-tags-view.sql).

const views = ['journals_view', 'entries_view', 'thoughts_view', 'tasks_view', 'task_occurrences_view', 'calendar_events_view', 'mood_days', 'entry_sentiments', 'read_stamps', 'tags_view'];
const alice = randomUUID();
const bob = randomUUID();
let db: TestReadDb;
let readers: ReaderPool;

async function seedUser(ownerId: string) {
  const journalId = await seedJournal(db.pool, { ownerId });
  const entryId = await seedEntry(db.pool, { journalId, ownerId });
  await seedThought(db.pool, { ownerId });
  await seedTask(db.pool, { ownerId, date: '2030-01-01' });
  await seedTask(db.pool, { ownerId, date: '2030-01-01', recurrence: 'FREQ=DAILY', completedOccurrences: ['2030-01-02'] });
  await seedCalendarEvent(db.pool, { ownerId, startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T11:00:00Z' });
  await db.pool.query(`INSERT INTO mood_days VALUES ($1, '2030-01-01', 'CALM', 1, 4, 0.5)`, [ownerId]);
  await db.pool.query(`INSERT INTO entry_sentiments VALUES ($1, $2, 0.5, 1, now())`, [entryId, ownerId]);
  await db.pool.query('INSERT INTO read_stamps VALUES ($1, 1)', [ownerId]);
  await db.pool.query(`INSERT INTO tags_view VALUES ($1, 'garden', 1)`, [ownerId]);
}

beforeAll(async () => {
  db = await createTestReadDb();
  readers = ReaderPool.connect(db.url, { applicationName: 'rls-spec', max: 2 });
  await seedUser(alice);
  await seedUser(bob);
});
afterAll(async () => {
  await readers?.end();
  await db?.drop();
});

describe('row-level security on every read model', () => {
  it('shows the reader role nothing without the caller setting, even with no WHERE clause', async () => {
    const client = await db.pool.connect();
    try {
      await client.query(`BEGIN; SET LOCAL ROLE ${readerRole}`);
      for (const view of views) {
        expect((await client.query(`SELECT count(*)::int AS n FROM ${view}`)).rows[0]).toEqual({ n: 0 });
      }
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('shows a caller only their own rows through a query that forgets the WHERE clause', async () => {
    for (const [caller, other] of [[alice, bob], [bob, alice]] as const) {
      const reader = callerReader(readers, caller);
      for (const view of views) {
        const { rows } = await reader.query<{ owner_id: string }>(`SELECT owner_id FROM ${view}`);
        expect(rows.length, view).toBeGreaterThan(0);
        expect(rows.every((row) => row.owner_id === caller), view).toBe(true);
        expect((await reader.query(`SELECT 1 FROM ${view} WHERE owner_id = $1`, [other])).rowCount, view).toBe(0);
      }
    }
  });

  it('keeps callers apart on one shared connection, whatever order their reads come in', async () => {
    const one = ReaderPool.connect(db.url, { applicationName: 'rls-spec-one', max: 1 });
    try {
      const order = [alice, alice, bob, alice, bob, bob, alice];
      const seen = await Promise.all(order.map(async (caller) => {
        const { rows } = await callerReader(one, caller).query<{ owner_id: string }>('SELECT DISTINCT owner_id FROM entries_view');
        return rows.map((row) => row.owner_id);
      }));
      expect(seen).toEqual(order.map((caller) => [caller]));
    } finally {
      await one.end();
    }
  });

  it('stays the reader, and the same caller, after a statement fails on the connection', async () => {
    const one = ReaderPool.connect(db.url, { applicationName: 'rls-spec-one', max: 1 });
    try {
      const reader = callerReader(one, bob);
      await expect(reader.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
      await expect(reader.query('SELECT no_such_column FROM entries_view')).rejects.toThrow();
      const { rows } = await reader.query<{ owner_id: string; role: string }>('SELECT DISTINCT owner_id, current_user AS role FROM entries_view');
      expect(rows).toEqual([{ owner_id: bob, role: readerRole }]);
      await expect(reader.query(`UPDATE journals_view SET name = 'x'`)).rejects.toThrow();
    } finally {
      await one.end();
    }
  });

  it('lets the caller read nothing but read: the reader cannot write', async () => {
    const reader = callerReader(readers, alice);
    await expect(reader.query(`UPDATE journals_view SET name = 'x'`)).rejects.toThrow();
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM journals_view WHERE name = 'x'`)).rows[0]).toEqual({ n: 0 });
  });

  it('leaves the projector (the tables\' owner) writing and reading every row', async () => {
    expect((await db.pool.query('SELECT count(DISTINCT owner_id)::int AS n FROM entries_view')).rows[0]).toEqual({ n: 2 });
  });
});
