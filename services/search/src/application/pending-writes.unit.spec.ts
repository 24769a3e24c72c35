import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { VersionGapError, type SqlClient } from '@mindflow/event-log';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../domain/documents-from-events.js';
import type { SearchDocument } from '../domain/search-document.js';
import { PendingWrites } from './pending-writes.js';
import type { SearchIndex } from './search-index.js';

const owner = randomUUID();
const at = '2030-04-01T10:00:00.000Z';
const fact = <E extends AnyEvent>(event: E, version: number): E => ({ ...event, aggregateVersion: version, userId: owner });

/** An index in memory that counts its round trips and applies the version guard like the real ones. */
function countingIndex(stored: SearchDocument[] = []) {
  const documents = new Map(stored.map((d) => [d.id, d]));
  const calls = { getMany: [] as string[][], write: [] as SearchDocument[][], hide: [] as string[] };
  const index: Pick<SearchIndex, 'getMany' | 'write' | 'hideJournalEntries'> = {
    getMany(ids) {
      calls.getMany.push([...ids]);
      return Promise.resolve(new Map(ids.flatMap((id) => (documents.has(id) ? [[id, documents.get(id)!] as const] : []))));
    },
    write(written) {
      calls.write.push([...written]);
      for (const d of written) if ((documents.get(d.id)?.version ?? 0) < d.version) documents.set(d.id, d);
      return Promise.resolve();
    },
    hideJournalEntries(_owner, journalId) {
      calls.hide.push(journalId);
      for (const d of documents.values()) if (d.journalId === journalId && !d.deleted) documents.set(d.id, { ...d, deleted: true });
      return Promise.resolve();
    },
  };
  return { index: index as SearchIndex, calls, documents };
}

/** A projection transaction that keeps `search_deleted_journals` and counts its statements. */
function transaction(deleted: string[] = []) {
  const journals = new Set(deleted);
  const statements: string[] = [];
  const locks: { keys: string[]; exclusive: boolean[] }[] = [];
  const tx: SqlClient = {
    // A stand-in whose failures would be the test's own bug: it may throw synchronously.
    query(text, values = []) {
      statements.push(text.trim().split(/\s+/).slice(0, 3).join(' '));
      if (text.includes('pg_advisory_xact_lock')) locks.push({ keys: values[0] as string[], exclusive: values[1] as boolean[] });
      if (text.includes('INSERT INTO search_deleted_journals')) for (const id of values[0] as string[]) journals.add(id);
      const rows = text.startsWith('SELECT journal_id') ? (values[0] as string[]).filter((id) => journals.has(id)).map((journal_id) => ({ journal_id })) : [];
      return Promise.resolve({ rows, rowCount: rows.length });
    },
  };
  return { tx, statements, locks };
}

const entryCreated = (entryId: string, journalId: string, content = 'a quiet morning') =>
  fact(sampleEvent('JournalEntryCreated', { payload: { entryId, journalId, title: 'Morning', content, mood: null, tags: ['calm'], wordCount: 3, weather: null, location: null, createdAt: at } }), 1);
const thoughtCaptured = (thoughtId: string) => fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId, text: 'an idea', tags: [], capturedAt: at } }), 1);
const moodRecorded = (entryId: string, version: number, mood: 'CALM' | 'GREAT' = 'CALM') =>
  fact(sampleEvent('MoodRecorded', { payload: { entryId, mood, recordedAt: at } }), version);

async function flushed(writes: PendingWrites, tx: SqlClient, events: readonly DocumentEvent[]) {
  for (const event of events) await writes.stage(tx, event);
  await writes.flush(tx);
}

describe('PendingWrites: a chunk of events in a fixed number of round trips', () => {
  it('given creations only, reads nothing and writes every document in one call', async () => {
    const { index, calls } = countingIndex();
    const { tx, statements, locks } = transaction();
    const journalId = randomUUID();
    const events = [entryCreated(randomUUID(), journalId), thoughtCaptured(randomUUID()), entryCreated(randomUUID(), journalId)];
    await flushed(new PendingWrites(index), tx, events);
    expect(calls.getMany).toEqual([]);
    expect(calls.write).toHaveLength(1);
    expect(calls.write[0]!.map((d) => d.id)).toEqual(events.map((e) => e.aggregateId));
    // the entries' owner locked (shared) and one deleted-journals check, for the whole chunk
    expect(statements).toEqual(['SELECT CASE WHEN', 'SELECT journal_id FROM']);
    expect(locks).toEqual([{ keys: [`search-owner:${owner}`], exclusive: [false] }]);
  });

  it('given updates of stored documents, reads them in one multi-get, and folds an aggregate created in the chunk without reading it', async () => {
    const journalId = randomUUID();
    const stored = [randomUUID(), randomUUID()].map((id) => ({
      id, kind: 'entry' as const, ownerId: owner, journalId, title: 'Stored', body: 'stored text', tags: [], mood: null, day: '2030-03-01',
      createdAt: '2030-03-01T00:00:00.000Z', version: 1, deleted: false, completed: null,
    }));
    const { index, calls, documents } = countingIndex(stored);
    const fresh = randomUUID();
    await flushed(new PendingWrites(index), transaction().tx, [
      moodRecorded(stored[0]!.id, 2), entryCreated(fresh, journalId), moodRecorded(stored[1]!.id, 2, 'GREAT'), moodRecorded(fresh, 2, 'GREAT'), moodRecorded(stored[0]!.id, 3, 'GREAT'),
    ]);
    expect(calls.getMany).toEqual([[stored[0]!.id, stored[1]!.id]]);
    expect(calls.write).toHaveLength(1);
    expect(documents.get(stored[0]!.id)).toEqual({ ...stored[0], mood: 'GREAT', version: 3 });
    expect(documents.get(stored[1]!.id)).toEqual({ ...stored[1], mood: 'GREAT', version: 2 });
    expect(documents.get(fresh)).toMatchObject({ body: 'a quiet morning', mood: 'GREAT', version: 2 });
  });

  it('given deletions of documents it never read, writes tombstones at their versions without reading or locking', async () => {
    const { index, calls, documents } = countingIndex();
    const { tx, statements } = transaction();
    const thoughtId = randomUUID();
    const taskId = randomUUID();
    await flushed(new PendingWrites(index), tx, [
      fact(sampleEvent('ThoughtDeleted', { payload: { thoughtId, deletedAt: at } }), 4),
      fact(sampleEvent('TaskDeleted', { payload: { taskId, deletedAt: at } }), 7),
    ]);
    expect(calls.getMany).toEqual([]);
    expect(documents.get(thoughtId)).toMatchObject({ kind: 'thought', ownerId: owner, version: 4, deleted: true, body: '' });
    expect(documents.get(taskId)).toMatchObject({ kind: 'task', version: 7, deleted: true });
    expect(statements).toEqual([]); // thoughts and tasks have nothing to do with journals
  });

  it('given a chunk redelivered after its write landed, skips the events the stored document already holds', async () => {
    const entryId = randomUUID();
    const journalId = randomUUID();
    const { index, documents } = countingIndex();
    const writes = new PendingWrites(index);
    const chunk = [entryCreated(entryId, journalId), moodRecorded(entryId, 2, 'GREAT'), moodRecorded(entryId, 3, 'CALM')];
    await flushed(writes, transaction().tx, chunk);
    const after = documents.get(entryId);
    await flushed(writes, transaction().tx, [...chunk.slice(1), moodRecorded(entryId, 4, 'GREAT')]);
    expect(documents.get(entryId)).toEqual({ ...after, mood: 'GREAT', version: 4 });
  });

  it('given a journal deletion, records it once, hides the chunk’s entries of it and then the stored ones', async () => {
    const journalId = randomUUID();
    const { index, calls, documents } = countingIndex();
    const { tx, statements, locks } = transaction();
    const writes = new PendingWrites(index);
    const before = randomUUID();
    const afterIt = randomUUID();
    await writes.stage(tx, entryCreated(before, journalId));
    writes.deleteJournal(tx, { ownerId: owner, journalId, deletedAt: at });
    await writes.stage(tx, entryCreated(afterIt, journalId));
    await writes.flush(tx);
    expect(statements).toEqual(['SELECT CASE WHEN', 'INSERT INTO search_deleted_journals', 'SELECT journal_id FROM']);
    expect(locks).toEqual([{ keys: [`search-owner:${owner}`], exclusive: [true] }]); // the deleter's lock: exclusive
    expect(documents.get(before)?.deleted).toBe(true);
    expect(documents.get(afterIt)?.deleted).toBe(true);
    expect(calls.hide).toEqual([journalId]);
  });

  it('given nothing staged, does nothing', async () => {
    const { index, calls } = countingIndex();
    const { tx, statements } = transaction();
    await new PendingWrites(index).flush(tx);
    expect([calls.getMany, calls.write, calls.hide, statements]).toEqual([[], [], [], []]);
  });

  const storedEntry = (entryId: string, journalId: string, version: number, body: string, mood: 'CALM' | 'GREAT' | null = null): SearchDocument => ({
    id: entryId, kind: 'entry', ownerId: owner, journalId, title: 'Morning', body, tags: ['calm'], mood, day: '2030-04-01',
    createdAt: at, version, deleted: false, completed: null,
  });

  it('given events that skip versions (a creation, then v4: v2–v3 written by other transactions), folds v4 onto the stored v3, not onto v1', async () => {
    const entryId = randomUUID();
    const journalId = randomUUID();
    const { index, calls, documents } = countingIndex([storedEntry(entryId, journalId, 3, 'rewritten at v2')]);
    await flushed(new PendingWrites(index), transaction().tx, [entryCreated(entryId, journalId, 'first draft'), moodRecorded(entryId, 4, 'GREAT')]);
    expect(documents.get(entryId)).toEqual({ ...storedEntry(entryId, journalId, 3, 'rewritten at v2'), mood: 'GREAT', version: 4 });
    expect(calls.getMany).toEqual([[entryId]]); // the stored document read again, only for the gap
  });

  it('given a stored document that is not the events’ predecessor even when read again, throws a VersionGapError and writes nothing of it', async () => {
    const entryId = randomUUID();
    const journalId = randomUUID();
    const other = randomUUID();
    const { index, calls, documents } = countingIndex([storedEntry(entryId, journalId, 2, 'at v2')]);
    const flush = flushed(new PendingWrites(index), transaction().tx, [entryCreated(other, journalId), moodRecorded(entryId, 4, 'GREAT')]);
    await expect(flush).rejects.toBeInstanceOf(VersionGapError);
    await expect(flush).rejects.toMatchObject({ aggregateId: entryId, expected: 3, received: 4 });
    expect(calls.write).toEqual([]);
    expect(documents.get(entryId)).toEqual(storedEntry(entryId, journalId, 2, 'at v2'));
  });

  it('given a transaction that failed before its flush, its connection back in the pool keeps nothing of it for the next transaction', async () => {
    const pool = new EventEmitter();
    const { index, documents } = countingIndex();
    const writes = new PendingWrites(index);
    writes.discardOnRelease(pool as unknown as Parameters<PendingWrites['discardOnRelease']>[0]);
    const connection = transaction().tx;
    const failed = thoughtCaptured(randomUUID());
    await writes.stage(connection, failed); // then the transaction fails (another member took the partition): ROLLBACK, released
    pool.emit('release', undefined, connection);
    const next = thoughtCaptured(randomUUID());
    await flushed(writes, connection, [next]); // the next transaction on the same pooled connection
    expect([...documents.keys()]).toEqual([next.aggregateId]);
  });
});
