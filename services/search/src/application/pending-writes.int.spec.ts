import { randomUUID } from 'node:crypto';
import { createPool, migrate, migrationsFromDir, withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import { sampleEvent } from '@mindflow/events/testing';
import { createTestDatabaseWithPool, type PooledTestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchMigrationsDir } from '../adapters/postgres/postgres-search-index.js';
import type { SearchDocument } from '../domain/search-document.js';
import { elasticIndex, postgresIndex, postgresIndexWithPool, type IndexFixture } from '../test/search-index-fixtures.js';
import { PendingWrites } from './pending-writes.js';
import type { SearchIndex } from './search-index.js';

const at = '2030-04-01T10:00:00.000Z';

describe('PendingWrites on a real read DB: the owners’ locks', () => {
  let fixture: IndexFixture & { readonly pool: Pool };
  let pool: Pool;
  let index: SearchIndex;
  beforeAll(async () => {
    fixture = await postgresIndexWithPool('search_pending_writes', 6);
    ({ pool, index } = fixture);
  });
  afterAll(() => fixture?.dispose());

  const entryCreated = (owner: string, journalId: string) => {
    const entryId = randomUUID();
    const event = sampleEvent('JournalEntryCreated', {
      payload: { entryId, journalId, title: 'Harbour', content: 'boats at dawn', mood: null, tags: [], wordCount: 3, weather: null, location: null, createdAt: at },
    });
    return { ...event, aggregateId: entryId, aggregateVersion: 1, userId: owner };
  };
  const begun = async (): Promise<PoolClient> => {
    const client = await pool.connect();
    await client.query('BEGIN');
    return client;
  };
  const commit = async (client: PoolClient) => {
    await client.query('COMMIT');
    client.release();
  };

  it('lets entry chunks of one owner flush side by side, and makes a journal deletion of that owner wait for them (and hide what they wrote)', async () => {
    const owner = randomUUID();
    const journalId = randomUUID();
    const writes = new PendingWrites(index, { lockNamespace: 'test:' });
    const [first, second, deleting] = await Promise.all([begun(), begun(), begun()]);
    const one = entryCreated(owner, journalId);
    const two = entryCreated(owner, journalId);
    await writes.stage(first, one);
    await writes.flush(first); // holds the owner's lock (shared) until it commits
    await writes.stage(second, two);
    const secondFlushed = await Promise.race([writes.flush(second).then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5_000))]);
    expect(secondFlushed).toBe(true); // not held up by the first

    writes.deleteJournal(deleting, { ownerId: owner, journalId, deletedAt: at });
    let deleted = false;
    const deletion = writes.flush(deleting).then(() => (deleted = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(deleted).toBe(false); // waits for both entry chunks
    expect((await index.get(one.aggregateId))?.deleted).toBe(false);
    await commit(first);
    await commit(second);
    await deletion;
    await commit(deleting);
    expect((await index.get(one.aggregateId))?.deleted).toBe(true);
    expect((await index.get(two.aggregateId))?.deleted).toBe(true);
  });
});

describe.each([['postgres', postgresIndex], ['elasticsearch', elasticIndex]] as const)(
  'PendingWrites into %s: never a stale state written at a newer version',
  (_kind, createIndex) => {
    let database: PooledTestDatabase<Pool>;
    let readPool: Pool;
    let fixture: IndexFixture;
    beforeAll(async () => {
      database = await createTestDatabaseWithPool('search_pending_scope', async (url) => {
        // One connection, as a busy pool often behaves: every transaction runs on the connection the last one released.
        const pool = createPool(url, { applicationName: 'search-pending-scope-test', max: 1 });
        await migrate(pool, 'search', await migrationsFromDir(searchMigrationsDir));
        return pool;
      });
      readPool = database.pool;
      fixture = await createIndex();
    });
    afterAll(async () => {
      await fixture?.dispose();
      await database?.drop();
    });

    const owner = randomUUID();
    const fact = <E extends { aggregateId: string }>(event: E, version: number): E => ({ ...event, aggregateVersion: version, userId: owner });
    const created = (entryId: string, journalId: string, content: string) =>
      fact(sampleEvent('JournalEntryCreated', {
        payload: { entryId, journalId, title: 'Harbour', content, mood: null, tags: ['sea'], wordCount: 2, weather: null, location: null, createdAt: at },
      }), 1);
    const mood = (entryId: string, version: number) => fact(sampleEvent('MoodRecorded', { payload: { entryId, mood: 'GREAT', recordedAt: at } }), version);
    /** What the index holds once v2–v3 of the entry were committed by other transactions. */
    const atVersion3 = (entryId: string, journalId: string): SearchDocument => ({
      id: entryId, kind: 'entry', ownerId: owner, journalId, title: 'Harbour', body: 'boats at dusk, rewritten', tags: ['sea'], mood: 'CALM',
      day: at.slice(0, 10), createdAt: at, version: 3, deleted: false, completed: null,
    });

    it('drops what a transaction staged when it fails before its flush: the next transaction on its connection writes only its own events', async () => {
      const { index } = fixture;
      const entryId = randomUUID();
      const journalId = randomUUID();
      const thoughtId = randomUUID();
      await index.write([atVersion3(entryId, journalId)]);
      const writes = new PendingWrites(index);
      writes.discardOnRelease(readPool); // as the projector wires it
      // A chunk's transaction stages its events, then fails before its flush (a rebalance, a deadlock in the
      // runtime's bookkeeping, the dead-letter topic down): rolled back, its connection back in the pool.
      const failed = withTransaction(readPool, async (tx) => {
        await writes.stage(tx, created(entryId, journalId, 'boats at dawn, first draft'));
        await writes.stage(tx, fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId, text: 'never committed', tags: [], capturedAt: at } }), 1));
        throw new Error('another member took the partition');
      });
      await expect(failed).rejects.toThrow('another member took the partition');
      // The entry's v4 comes in a later transaction, on the same (only) connection.
      await withTransaction(readPool, async (tx) => {
        await writes.stage(tx, mood(entryId, 4));
        await writes.flush(tx);
      });
      expect(await index.get(entryId)).toEqual({ ...atVersion3(entryId, journalId), mood: 'GREAT', version: 4 });
      expect(await index.get(thoughtId)).toBeUndefined();
    });

    it('folds an event only onto its predecessor: a creation and v4 staged together fold v4 onto the stored v3', async () => {
      const { index } = fixture;
      const entryId = randomUUID();
      const journalId = randomUUID();
      await index.write([atVersion3(entryId, journalId)]);
      const writes = new PendingWrites(index);
      await withTransaction(readPool, async (tx) => {
        await writes.stage(tx, created(entryId, journalId, 'boats at dawn, first draft'));
        await writes.stage(tx, mood(entryId, 4));
        await writes.flush(tx);
      });
      expect(await index.get(entryId)).toEqual({ ...atVersion3(entryId, journalId), mood: 'GREAT', version: 4 });
    });
  },
);
