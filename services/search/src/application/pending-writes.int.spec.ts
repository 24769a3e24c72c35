import { randomUUID } from 'node:crypto';
import { createPool, type Pool, type PoolClient } from '@mindflow/db';
import { sampleEvent } from '@mindflow/events/testing';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresSearchIndex } from '../adapters/postgres/postgres-search-index.js';
import { PendingWrites } from './pending-writes.js';
import type { SearchIndex } from './search-index.js';

const at = '2030-04-01T10:00:00.000Z';

describe('PendingWrites on a real read DB: the owners’ locks', () => {
  let database: TestDatabase;
  let pool: Pool;
  let index: SearchIndex;
  beforeAll(async () => {
    database = await createTestDatabase('search_pending_writes');
    pool = createPool(database.url, { applicationName: 'search-pending-writes-test', max: 6 });
    index = createPostgresSearchIndex(pool);
    await index.prepare();
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

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
