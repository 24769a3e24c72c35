import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedProjection, type EmbeddedProjection } from './test/embedded-projection.js';
import { queryUserTables } from './user-erasure.js';

// Erasure in the query projection (issue 16), through the real runtime: the embedded log (a real write DB's
// outbox) into a real read DB.
let projection: EmbeddedProjection;
beforeAll(async () => {
  projection = await embeddedProjection('user_erasure');
});
afterAll(async () => projection?.close());

const [erased, other] = [randomUUID(), randomUUID()];
/** A word only this user wrote. */
const markerOf = (userId: string) => `zanzibar${userId.slice(0, 8)}`;
const at = (minute: number) => `2030-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const versions = new Map<string, number>();
const fact = (event: AnyEvent, userId: string): AnyEvent => {
  const version = (versions.get(event.aggregateId) ?? 0) + 1;
  versions.set(event.aggregateId, version);
  return { ...event, eventId: randomUUID(), aggregateVersion: version, userId };
};

/** A journal with an entry (tagged, with the marker), a thought, a task and a calendar event of `userId`. */
function lifeOf(userId: string, registered = true): AnyEvent[] {
  const [journalId, entryId, thoughtId, taskId, calendarEventId] = Array.from({ length: 5 }, () => randomUUID()) as [string, string, string, string, string];
  const marker = markerOf(userId);
  return [
    ...(registered ? [fact(sampleEvent('UserRegistered', { payload: { ...samplePayloads.UserRegistered, userId } }), userId)] : []),
    fact(sampleEvent('JournalCreated', { payload: { ...samplePayloads.JournalCreated, journalId, name: `Journal ${marker}`, createdAt: at(0) } }), userId),
    fact(sampleEvent('JournalEntryCreated', { payload: { ...samplePayloads.JournalEntryCreated, entryId, journalId, content: `I saw ${marker} today`, tags: ['travel'], createdAt: at(1) } }), userId),
    fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId, text: `${marker} again`, tags: ['ideas'], capturedAt: at(2) } }), userId),
    fact(sampleEvent('TaskCreated', { payload: { ...samplePayloads.TaskCreated, taskId, title: `Book ${marker}`, createdAt: at(3) } }), userId),
    fact(sampleEvent('CalendarEventScheduled', { payload: { ...samplePayloads.CalendarEventScheduled, calendarEventId, title: `${marker} trip`, scheduledAt: at(4) } }), userId),
  ];
}
const erasureRequested = (userId: string, attempt = 1) =>
  fact(sampleEvent('UserErasureRequested', { payload: { userId, requestedAt: at(10), attempt, services: ['query'] } }), userId);

async function rowsOf(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of queryUserTables) {
    counts[table] = Number((await projection.read.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE owner_id = $1`, [userId])).rows[0]!.n);
  }
  return counts;
}
/** The query projection's acknowledgements, in the read DB's outbox (the query relay publishes them). */
const acknowledgements = async (userId: string) =>
  (await projection.read.query<{ payload: { service: string; attempt: number; erased: Record<string, number> } }>(
    `SELECT payload FROM outbox WHERE event_type = 'UserDataErased' AND user_id = $1 ORDER BY (payload->>'attempt')::int`,
    [userId],
  )).rows.map((row) => row.payload);
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
/** Every row of the read DB's tables as text, for the marker. */
async function readDbMentions(word: string): Promise<number> {
  const { rows } = await projection.read.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  let found = 0;
  for (const { table_name } of rows) {
    found += Number((await projection.read.query<{ n: string }>(`SELECT count(*) AS n FROM ${table_name} t WHERE t::text LIKE $1`, [`%${word}%`])).rows[0]!.n);
  }
  return found;
}

describe('erasure in the query projection', () => {
  it('names every read table that holds rows of a user (a new one must join queryUserTables)', async () => {
    const { rows } = await projection.read.query<{ table_name: string }>(
      `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'owner_id' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...queryUserTables].sort());
  });

  it('erases every row of the user and of nobody else, and remembers the user as erased', async () => {
    await projection.append([...lifeOf(erased), ...lifeOf(other)]);
    await projection.caughtUp();
    const othersBefore = await rowsOf(other);
    expect(total(await rowsOf(erased))).toBeGreaterThan(5);

    await projection.append([erasureRequested(erased)]);
    await projection.caughtUp();
    expect(total(await rowsOf(erased))).toBe(0);
    expect(await rowsOf(other)).toEqual(othersBefore);
    const { rows } = await projection.read.query<{ attempt: number; erased: Record<string, number> }>('SELECT attempt, erased FROM erased_users WHERE user_id = $1', [erased]);
    expect(rows).toEqual([{ attempt: 1, erased: expect.objectContaining({ entries_view: 1, thoughts_view: 1, tasks_view: 1, journals_view: 1, dead_letters: 0 }) }]);
    // No table of the read DB holds the erased user's words any more; the other's are there.
    expect(await readDbMentions(markerOf(erased))).toBe(0);
    expect(await readDbMentions(markerOf(other))).toBeGreaterThan(0);
    // Acknowledged in the erasure's transaction, with what went where.
    expect(await acknowledgements(erased)).toEqual([{ userId: erased, service: 'query', attempt: 1, erasedAt: expect.any(String), erased: expect.objectContaining({ entries_view: 1, journals_view: 1 }) }]);
    expect(await acknowledgements(other)).toEqual([]);
  });

  it('writes nothing of an erased user from events that come after the erasure (late writes, other partitions)', async () => {
    const late = lifeOf(erased, false); // a new journal, entry, thought, task, event of the erased user
    await projection.append([...late, erasureRequested(erased, 2)]);
    await projection.caughtUp();
    expect(total(await rowsOf(erased))).toBe(0);
    expect((await acknowledgements(erased)).map((a) => a.attempt)).toEqual([1, 2]);
  });

  it('brings nothing back when the whole log is delivered again, or replayed into empty tables (a rebuild)', async () => {
    const othersBefore = await rowsOf(other);
    expect(await projection.redeliverEverything()).toBe(0);
    expect(total(await rowsOf(erased))).toBe(0);
    await projection.restart(async () => {
      await projection.read.query("DELETE FROM projection_versions WHERE projection = 'query'");
      await projection.read.query(`TRUNCATE erased_users, ${queryUserTables.join(', ')}`);
    });
    await projection.caughtUp();
    expect(await rowsOf(erased)).toEqual(Object.fromEntries(queryUserTables.map((table) => [table, 0])));
    expect(await readDbMentions(markerOf(erased))).toBe(0);
    expect(await rowsOf(other)).toEqual(othersBefore);
    // The replayed erasures acknowledge again: the same receipts, one row each.
    expect((await acknowledgements(erased)).map((a) => a.attempt)).toEqual([1, 2]);
  });
});
