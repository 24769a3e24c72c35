import { randomUUID } from 'node:crypto';
import { erasureReceiptId, type AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../test/documents.js';
import { searchProjection, type SearchProjection } from './test/embedded-search-projection.js';

// Erasure in the search projection (issue 16), through the real runtime: the embedded log (a real write DB's outbox)
// into the real Elasticsearch or the read DB's Postgres full-text index.
const at = (minute: number) => `2030-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each(['postgres', 'elasticsearch'] as const)('erasure in the search projection into %s', (indexKind) => {
  let projection: SearchProjection;
  beforeAll(async () => {
    projection = await searchProjection(`search_erasure_${indexKind}`, indexKind);
  });
  afterAll(async () => projection?.close());

  const [erased, other] = [randomUUID(), randomUUID()];
  /** A word only this user wrote. */
  const markerOf = (userId: string) => `quillon${userId.slice(0, 8)}`;
  const versions = new Map<string, number>();
  const fact = (event: AnyEvent, userId: string): AnyEvent => {
    const version = (versions.get(event.aggregateId) ?? 0) + 1;
    versions.set(event.aggregateId, version);
    return { ...event, eventId: randomUUID(), aggregateVersion: version, userId };
  };
  const documentsOf = new Map<string, string[]>();
  /** A journal with an entry, a thought and a task of `userId`, each with the marker. */
  function lifeOf(userId: string): AnyEvent[] {
    const [journalId, entryId, thoughtId, taskId] = Array.from({ length: 4 }, () => randomUUID()) as [string, string, string, string];
    documentsOf.set(userId, [...(documentsOf.get(userId) ?? []), entryId, thoughtId, taskId]);
    const marker = markerOf(userId);
    return [
      fact(sampleEvent('JournalCreated', { payload: { ...samplePayloads.JournalCreated, journalId, name: `Journal ${marker}`, createdAt: at(0) } }), userId),
      fact(sampleEvent('JournalEntryCreated', { payload: { ...samplePayloads.JournalEntryCreated, entryId, journalId, title: `About ${marker}`, content: `I saw ${marker} today`, tags: ['travel'], createdAt: at(1) } }), userId),
      fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId, text: `${marker} again`, tags: ['ideas'], capturedAt: at(2) } }), userId),
      fact(sampleEvent('TaskCreated', { payload: { ...samplePayloads.TaskCreated, taskId, title: `Book ${marker}`, createdAt: at(3) } }), userId),
    ];
  }
  const erasureRequested = (userId: string, attempt = 1) =>
    fact(sampleEvent('UserErasureRequested', { payload: { userId, requestedAt: at(10), attempt, services: ['search'] } }), userId);
  const found = async (userId: string) => (await projection.projector().index.search(query(userId, markerOf(userId)))).hits.map((h) => h.id).sort();
  const stored = async (userId: string) => (await Promise.all((documentsOf.get(userId) ?? []).map((id) => projection.projector().index.get(id)))).filter(Boolean);
  /** Rows of the read DB's search tables that mention `word`. */
  async function searchTablesMentioning(word: string): Promise<number> {
    const { rows } = await projection.read.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name LIKE 'search\\_%'`,
    );
    let n = 0;
    for (const { table_name } of rows) n += Number((await projection.read.query<{ n: string }>(`SELECT count(*) AS n FROM ${table_name} t WHERE t::text LIKE $1`, [`%${word}%`])).rows[0]!.n);
    return n;
  }

  it('deletes every document of the user, nobody else’s, and acknowledges in the read DB’s outbox', async () => {
    await projection.append([...lifeOf(erased), ...lifeOf(other)]);
    await projection.caughtUp();
    expect(await found(erased)).toEqual([...documentsOf.get(erased)!].sort());
    const othersBefore = await stored(other);
    if (indexKind === 'postgres') expect(await searchTablesMentioning(markerOf(erased))).toBeGreaterThan(0);

    await projection.append([erasureRequested(erased)]);
    await projection.caughtUp();
    expect(await stored(erased)).toEqual([]);
    expect(await found(erased)).toEqual([]);
    expect(await projection.projector().index.suggest(erased, 'quillon', 10)).toEqual([]);
    expect(await searchTablesMentioning(markerOf(erased))).toBe(0);
    expect(await stored(other)).toEqual(othersBefore);
    expect(await found(other)).toEqual([...documentsOf.get(other)!].sort());
    const { rows: marked } = await projection.read.query<{ erased: Record<string, number> }>('SELECT erased FROM erased_users WHERE user_id = $1', [erased]);
    expect(marked).toEqual([{ erased: { search_documents: 3, search_deleted_journals: 0, dead_letters: 0 } }]);
    const { rows: acks } = await projection.read.query<{ aggregate_id: string; payload: { service: string; attempt: number; erased: Record<string, number> } }>(
      `SELECT aggregate_id, payload FROM outbox WHERE event_type = 'UserDataErased' AND user_id = $1`, [erased]);
    expect(acks).toEqual([{
      aggregate_id: erasureReceiptId(erased, 'search', 1),
      payload: expect.objectContaining({ service: 'search', attempt: 1, erased: { search_documents: 3, search_deleted_journals: 0, dead_letters: 0 } }),
    }]);
  });

  it('indexes nothing of the user from events after the erasure, even past Elasticsearch’s memory of deletions', async () => {
    await projection.outliveDeleteRetention();
    const [entryId, thoughtId] = documentsOf.get(erased)!;
    const late = lifeOf(erased);
    await projection.append([
      ...late,
      // Later versions of erased documents: their stored state is gone, so only the erasure's record stops them.
      fact(sampleEvent('ThoughtUpdated', { payload: { thoughtId: thoughtId!, text: `${markerOf(erased)} edited`, tags: [], changedFields: ['text'], updatedAt: at(5) } }), erased),
      fact(sampleEvent('MoodRecorded', { payload: { entryId: entryId!, mood: 'CALM', recordedAt: at(6) } }), erased),
    ]);
    await projection.caughtUp();
    expect(await stored(erased)).toEqual([]);
    expect(await found(erased)).toEqual([]);
    expect(await searchTablesMentioning(markerOf(erased))).toBe(0);
  });

  it('brings nothing back when the log is delivered again or replayed from the start (a rebuild of the index)', async () => {
    const othersBefore = await stored(other);
    expect(await projection.redeliverEverything()).toBe(0);
    // Its bookkeeping forgotten: every event comes again, the erased user's before and after the erasure.
    await projection.restart(async () => {
      await projection.read.query("DELETE FROM projection_versions WHERE projection = 'search'");
    });
    await projection.caughtUp();
    expect(await stored(erased)).toEqual([]);
    expect(await found(erased)).toEqual([]);
    expect(await searchTablesMentioning(markerOf(erased))).toBe(0);
    expect(await stored(other)).toEqual(othersBefore);
    // A second attempt of the erasure finds nothing and acknowledges again (its own receipt).
    await projection.append([erasureRequested(erased, 2)]);
    await projection.caughtUp();
    const { rows } = await projection.read.query<{ attempt: number; erased: number }>(
      `SELECT (payload->>'attempt')::int AS attempt, (payload->'erased'->>'search_documents')::int AS erased FROM outbox
       WHERE event_type = 'UserDataErased' AND user_id = $1 ORDER BY 1`, [erased]);
    expect(rows).toEqual([{ attempt: 1, erased: 3 }, { attempt: 2, erased: 0 }]);
  });
});
