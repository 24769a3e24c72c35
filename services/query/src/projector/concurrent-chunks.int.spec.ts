import { createHash, randomUUID } from 'node:crypto';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { eventTypesOf, type AnyEvent, type EventType } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { runProjector, type DeferredWrite, type EventBatch, type EventLog, type Projector, type ReadModel, type SubscribeOptions } from '@mindflow/event-log';
import { createLogger } from '@mindflow/platform';
import { createTestDatabaseWithPool, type PooledTestDatabase } from '@mindflow/testing';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryMigrationsDir } from '../subgraph/test/read-db.js';
import { queryProjection, queryReadModels } from './query-read-models.js';
import { journalScenario } from './test/journal-scenario.js';

// Chunks of the same users applied at the same time, as the partitions of a log keyed by aggregate deliver them:
// the set-based path takes the owners' keys shared and writes the rows they share (entry counts, tag counts, day
// statistics, cache stamps) at each chunk's end. The derived tables must come out as a recount from scratch of
// the rows they derive from, and as the one-by-one path applying the same events in log order.

const log = createLogger('concurrent-chunks-test', 'silent');

/**
 * Holds every entry chunk 150 ms after its deferred writes, before its commit: the window in which another
 * chunk's last statements run against rows this one has written but not committed, made wide enough that the
 * chunks here always meet in it (without the per-day locks of `mood_days`, this spec fails).
 */
const hold: DeferredWrite<null> = { order: '99 hold', start: () => null, settle: async (_, tx) => void (await tx.query('SELECT pg_sleep(0.15)')) };
const holdingChunks: ReadModel = {
  name: 'hold',
  handlers: { JournalEntryCreated: () => Promise.resolve(), JournalEntryUpdated: () => Promise.resolve() },
  batchHandlers: { JournalEntryCreated: (_e, _tx, chunk) => Promise.resolve(void chunk.deferred(hold)), JournalEntryUpdated: (_e, _tx, chunk) => Promise.resolve(void chunk.deferred(hold)) },
  batchAlways: true,
};
/** Holds journal chunks too, after their per-journal locks: entry chunks then meet them in their last statements. */
const holdingJournals: ReadModel = {
  name: 'hold journals',
  handlers: { JournalCreated: () => Promise.resolve() },
  batchHandlers: { JournalCreated: (_e, _tx, chunk) => Promise.resolve(void chunk.deferred(hold)) },
  batchAlways: true,
};
const partitions = 3;

/** A log driven by hand: `deliver` hands the projector a partition's events in batches, as an adapter does. */
function handLog() {
  let handle: SubscribeOptions['handle'] | undefined;
  const eventLog: EventLog = {
    kind: 'embedded',
    subscribe(options) {
      handle = (batch) => options.handle(batch);
      return Promise.resolve({ ready: () => Promise.resolve(), lag: () => Promise.resolve(0), stop: () => Promise.resolve() });
    },
    deleteGroup: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  const failed: unknown[] = [];
  /** Delivers `events` in batches of `size`; after a failure (a deadlock, say) again from the first event not done. */
  async function deliver(events: readonly AnyEvent[], size: number): Promise<void> {
    let rest = events;
    for (let failures = 0; rest.length > 0;) {
      const state = { done: -1 };
      const batch: EventBatch = {
        events: rest.slice(0, size), source: 'test', done: (i) => void (state.done = Math.max(state.done, i)),
        checkpointWithin: () => Promise.resolve(), heartbeat: () => Promise.resolve(), active: () => true,
      };
      try {
        await handle!(batch);
      } catch (error) {
        failed.push(error);
        if (++failures > 20) throw error;
      }
      rest = rest.slice(state.done + 1);
    }
  }
  return { eventLog, deliver, failed };
}

async function readDb(label: string): Promise<PooledTestDatabase<Pool>> {
  return createTestDatabaseWithPool(`query_${label}`, async (url) => {
    const pool = createPool(url, { applicationName: `query-${label}-test`, max: partitions + 2 });
    await migrate(pool, 'query', await migrationsFromDir(queryMigrationsDir));
    return pool;
  });
}

/** Thoughts of the owners (tag counts): captured, some retagged, some deleted. */
function thoughtsOf(owners: readonly string[]): AnyEvent[] {
  return owners.flatMap((owner, i) => Array.from({ length: 6 }, (_, t) => {
    const thoughtId = randomUUID();
    const fact = (event: AnyEvent, version: number): AnyEvent => ({ ...event, eventId: randomUUID(), aggregateVersion: version, userId: owner });
    const events = [fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId, text: `Idea ${i}.${t}`, tags: [`t${t % 3}`, 'work'], capturedAt: '2025-01-01T09:00:00.000Z' } }), 1)];
    if (t % 2 === 0) events.push(fact(sampleEvent('ThoughtUpdated', { payload: { thoughtId, text: `Idea ${i}.${t}!`, tags: ['work'], changedFields: ['text', 'tags'], updatedAt: '2025-01-01T09:01:00.000Z' } }), 2));
    if (t % 3 === 2) events.push(fact(sampleEvent('ThoughtDeleted', { payload: { thoughtId, deletedAt: '2025-01-01T09:02:00.000Z' } }), events.length + 1));
    return events;
  }).flat());
}

/** Analyses of some entries (an analysis takes its owner's key exclusively and recomputes the day at once). */
function insightsOf(created: readonly AnyEvent[]): AnyEvent[] {
  return created.filter((_, i) => i % 3 === 0).map((entry, i): AnyEvent => ({
    ...sampleEvent('AIInsightsGenerated', {
      payload: { entryId: entry.aggregateId, sentiment: (i % 5) / 5 - 0.4, analysed: true, themes: [], summary: 's', suggestions: [], generatedBy: 'test', generatedAt: '2025-01-01T12:00:00.000Z', entryVersion: 1 },
    }),
    eventId: randomUUID(), userId: entry.userId,
  }));
}

/**
 * Splits the log as Kafka keyed by aggregate would: a topic per stream, the entries' in `partitions` partitions,
 * each aggregate's events on one partition, in order. Entry chunks take the owners' keys shared; journal and
 * analysis chunks exclusively (they run between them).
 */
function asTopics(events: readonly AnyEvent[]): AnyEvent[][] {
  const entries = Array.from({ length: partitions }, () => [] as AnyEvent[]);
  const others = new Map<string, AnyEvent[]>();
  for (const event of events) {
    if (event.aggregateType === 'entry') entries[createHash('sha1').update(event.aggregateId).digest().readUInt32BE(0) % partitions]!.push(event);
    else others.set(event.aggregateType, [...(others.get(event.aggregateType) ?? []), event]);
  }
  return [...entries, ...others.values()];
}

/** Every derived table as the projection keeps it, and as recounted from scratch from the rows it derives from. */
async function derived(pool: Pool) {
  const rows = async (sql: string): Promise<unknown[]> => (await pool.query<Record<string, unknown>>(sql)).rows;
  return {
    kept: {
      entryCounts: await rows('SELECT journal_id, entry_count FROM journals_view ORDER BY journal_id'),
      moodDays: await rows(`SELECT owner_id, to_char(day, 'YYYY-MM-DD') AS day, mood, entry_count, word_count, round(average_sentiment::numeric, 9) AS sentiment FROM mood_days ORDER BY owner_id, day`),
      moodDayMoods: await rows(`SELECT owner_id, to_char(day, 'YYYY-MM-DD') AS day, mood, entries, latest_at FROM mood_day_moods ORDER BY owner_id, day, mood`),
      tags: await rows('SELECT owner_id, tag, count FROM tags_view ORDER BY owner_id, tag'),
      stamps: await rows('SELECT owner_id, stamp::int FROM read_stamps ORDER BY owner_id'),
    },
    recounted: {
      entryCounts: await rows(`SELECT j.journal_id, CASE WHEN j.deleted_at IS NULL THEN (SELECT count(*)::int FROM entries_view e WHERE e.journal_id = j.journal_id AND e.deleted_at IS NULL) ELSE 0 END AS entry_count
                                 FROM journals_view j ORDER BY j.journal_id`),
      moodDays: await rows(`
        WITH alive AS (SELECT e.owner_id, (e.created_at AT TIME ZONE 'UTC')::date AS day, e.mood, e.word_count, e.created_at, s.sentiment
                         FROM entries_view e LEFT JOIN entry_sentiments s USING (entry_id) WHERE e.deleted_at IS NULL AND e.journal_id IS NOT NULL)
        SELECT owner_id, to_char(day, 'YYYY-MM-DD') AS day,
               (SELECT mood FROM alive m WHERE m.owner_id = a.owner_id AND m.day = a.day AND mood IS NOT NULL
                 GROUP BY mood ORDER BY count(*) DESC, max(created_at) DESC, mood LIMIT 1) AS mood,
               count(*)::int AS entry_count, coalesce(sum(word_count), 0)::int AS word_count, round(avg(sentiment)::numeric, 9) AS sentiment
          FROM alive a GROUP BY owner_id, day ORDER BY owner_id, day`),
      moodDayMoods: await rows(`
        SELECT owner_id, to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, mood, count(*)::int AS entries, max(created_at) AS latest_at
          FROM entries_view WHERE deleted_at IS NULL AND journal_id IS NOT NULL AND mood IS NOT NULL
         GROUP BY owner_id, (created_at AT TIME ZONE 'UTC')::date, mood ORDER BY owner_id, day, mood`),
      tags: await rows(`
        SELECT owner_id, tag, count(*)::int AS count FROM (
          SELECT DISTINCT entry_id AS item_id, owner_id, tag FROM entries_view, unnest(tags) AS tag WHERE deleted_at IS NULL
          UNION ALL SELECT DISTINCT thought_id, owner_id, tag FROM thoughts_view, unnest(tags) AS tag WHERE deleted_at IS NULL) AS uses
        GROUP BY owner_id, tag ORDER BY owner_id, tag`),
    },
  };
}

/** Cache stamps: one per event of a cached stream, per owner. */
function expectedStamps(events: readonly AnyEvent[]) {
  const stamped = new Set<EventType>((['journal', 'entry', 'task', 'insights'] as const).flatMap((stream) => eventTypesOf(stream)));
  const counts = new Map<string, number>();
  for (const e of events) if (stamped.has(e.eventType)) counts.set(e.userId.toLowerCase(), (counts.get(e.userId.toLowerCase()) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([owner_id, stamp]) => ({ owner_id, stamp }));
}

let concurrent: PooledTestDatabase<Pool>;
let oneByOne: PooledTestDatabase<Pool>;
const projectors: Projector[] = [];
beforeAll(async () => {
  [concurrent, oneByOne] = await Promise.all([readDb('concurrent'), readDb('one_by_one')]);
});
afterAll(async () => {
  for (const projector of projectors) await projector.stop();
  await Promise.all([concurrent?.drop(), oneByOne?.drop()]);
});

describe('set-based chunks of the same users, applied concurrently', () => {
  const scenario = journalScenario({ seed: 23, users: 3, journalsPerUser: 2, entries: 120, edits: 120 });
  const owners = [...new Set(scenario.map((e) => e.userId))];
  const history = [...scenario, ...thoughtsOf(owners), ...insightsOf(scenario.filter((e) => e.eventType === 'JournalEntryCreated'))];
  const parts = asTopics(history);

  it('leave the derived tables as a recount from scratch, and as one by one in log order', async () => {
    const fast = handLog();
    const slow = handLog();
    projectors.push(
      await runProjector({ name: queryProjection, eventLog: fast.eventLog, readPool: concurrent.pool, readModels: [...queryReadModels, holdingChunks], log, metrics: new Registry(), chunkSize: 100 }),
      await runProjector({ name: queryProjection, eventLog: slow.eventLog, readPool: oneByOne.pool, readModels: queryReadModels, log, metrics: new Registry(), setBased: false }),
    );
    // Chunks of 100: every chunk touches the same three users and days.
    expect(parts).toHaveLength(partitions + 3);
    expect(parts.every((part) => part.length <= 500 && new Set(part.map((e) => e.userId)).size === owners.length)).toBe(true);
    // The other topics first (their chunks recompute whole days under exclusive keys, which would mend a wrong day),
    // then the entry partitions, whose last chunks then settle side by side; the reference one by one, in log order.
    await Promise.all([
      (async () => {
        await Promise.all(parts.slice(partitions).map((part) => fast.deliver(part, 100)));
        await Promise.all(parts.slice(0, partitions).map((part) => fast.deliver(part, 100)));
      })(),
      slow.deliver(history, 500),
    ]);

    const { kept, recounted } = await derived(concurrent.pool);
    expect(kept.entryCounts.length).toBe(6);
    expect(kept.moodDays.length).toBeGreaterThan(0);
    expect(kept.tags.length).toBeGreaterThan(3);
    expect(kept.entryCounts).toEqual(recounted.entryCounts);
    expect(kept.moodDays).toEqual(recounted.moodDays);
    expect(kept.moodDayMoods).toEqual(recounted.moodDayMoods);
    expect(kept.tags).toEqual(recounted.tags);
    expect(kept.stamps).toEqual(expectedStamps(history));
    expect(kept).toEqual((await derived(oneByOne.pool)).kept);
  });

  it('apply nothing twice when every partition is delivered again at once', async () => {
    const before = await derived(concurrent.pool);
    const again = handLog();
    projectors.push(await runProjector({ name: queryProjection, eventLog: again.eventLog, readPool: concurrent.pool, readModels: [...queryReadModels, holdingChunks], log, metrics: new Registry(), chunkSize: 100 }));
    await Promise.all(parts.map((part) => again.deliver(part, 500)));
    expect(await derived(concurrent.pool)).toEqual(before);
  });
});

describe('new entries only, applied concurrently (their days move by increments)', () => {
  // No edits and no analyses: every entry chunk only adds live entries without a sentiment, so each day's
  // mood_days and mood_day_moods rows move by increments at the chunk's end, under the day locks, side by side.
  const moods = ['GOOD', 'CALM', 'LOW', null, 'CALM', 'GOOD', 'LOW'] as const;
  const scenario = journalScenario({ seed: 29, users: 3, journalsPerUser: 2, entries: 150, edits: 0 }).map((event, i): AnyEvent =>
    event.eventType === 'JournalEntryCreated' ? { ...event, payload: { ...event.payload, mood: moods[i % moods.length]! } } : event);
  const parts = asTopics(scenario);
  let incrementing: PooledTestDatabase<Pool>;
  let reference: PooledTestDatabase<Pool>;
  beforeAll(async () => {
    [incrementing, reference] = await Promise.all([readDb('increments'), readDb('increments_ref')]);
  });
  afterAll(async () => {
    await Promise.all([incrementing?.drop(), reference?.drop()]);
  });

  it('leave mood_days and mood_day_moods as a recount from scratch, and as one by one; redelivery changes nothing', async () => {
    expect(scenario.some((e) => e.eventType === 'JournalEntryUpdated' || e.eventType === 'JournalEntryDeleted' || e.eventType === 'MoodRecorded')).toBe(false);
    const fast = handLog();
    const slow = handLog();
    projectors.push(
      await runProjector({ name: queryProjection, eventLog: fast.eventLog, readPool: incrementing.pool, readModels: [...queryReadModels, holdingChunks], log, metrics: new Registry(), chunkSize: 25 }),
      await runProjector({ name: queryProjection, eventLog: slow.eventLog, readPool: reference.pool, readModels: queryReadModels, log, metrics: new Registry(), setBased: false }),
    );
    await Promise.all([
      (async () => {
        await Promise.all(parts.slice(partitions).map((part) => fast.deliver(part, 100)));
        await Promise.all(parts.slice(0, partitions).map((part) => fast.deliver(part, 25)));
      })(),
      slow.deliver(scenario, 500),
    ]);
    const { kept, recounted } = await derived(incrementing.pool);
    expect(kept.moodDays.length).toBeGreaterThan(0);
    expect(kept.moodDayMoods.length).toBeGreaterThan(kept.moodDays.length);
    expect(kept.moodDays).toEqual(recounted.moodDays);
    expect(kept.moodDayMoods).toEqual(recounted.moodDayMoods);
    expect(kept.entryCounts).toEqual(recounted.entryCounts);
    expect(kept).toEqual((await derived(reference.pool)).kept);

    const again = handLog();
    projectors.push(await runProjector({ name: queryProjection, eventLog: again.eventLog, readPool: incrementing.pool, readModels: [...queryReadModels, holdingChunks], log, metrics: new Registry(), chunkSize: 25 }));
    await Promise.all(parts.map((part) => again.deliver(part, 100)));
    expect((await derived(incrementing.pool)).kept).toEqual(kept);
  });
});

describe('journals created while entry chunks of their owners are in flight', () => {
  // A journal's creation takes its owner's key shared, beside entry chunks: entries projected before their journal
  // (committed, or still in flight when it is created) must be counted once and carry its name, in either order of
  // the two chunks' last statements (both chunks are held open 150 ms after them, so they meet there).
  const scenario = journalScenario({ seed: 31, users: 2, journalsPerUser: 6, entries: 160, edits: 120 });
  const parts = asTopics(scenario);
  let shared: PooledTestDatabase<Pool>;
  let reference: PooledTestDatabase<Pool>;
  beforeAll(async () => {
    [shared, reference] = await Promise.all([readDb('journals_shared'), readDb('journals_ref')]);
  });
  afterAll(async () => {
    await Promise.all([shared?.drop(), reference?.drop()]);
  });

  /** Entries whose journal is not projected (yet) when their chunk writes them, counted by a read model applied first. */
  let unseen = 0;
  const probe: ReadModel = {
    name: 'unseen journals',
    handlers: { JournalEntryCreated: () => Promise.resolve() },
    batchHandlers: {
      async JournalEntryCreated(events, tx) {
        const { rows } = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS j(id) WHERE NOT EXISTS (SELECT 1 FROM journals_view v WHERE v.journal_id = j.id)',
          [events.map((e) => e.payload.journalId)],
        );
        unseen += rows[0]!.n;
      },
    },
    batchAlways: true,
  };
  const misnamed = async (pool: Pool) =>
    (await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entries_view e JOIN journals_view j USING (journal_id) WHERE e.journal_name IS DISTINCT FROM j.name`,
    )).rows[0]!.n;

  it('count every entry once and name it, as a recount and as one by one; redelivery changes nothing', async () => {
    const journalEvents = parts[partitions]!;
    expect(journalEvents.every((e) => e.aggregateType === 'journal')).toBe(true);
    expect(journalEvents.filter((e) => e.eventType === 'JournalCreated')).toHaveLength(12);
    const fast = handLog();
    const slow = handLog();
    projectors.push(
      await runProjector({ name: queryProjection, eventLog: fast.eventLog, readPool: shared.pool, readModels: [probe, ...queryReadModels, holdingChunks, holdingJournals], log, metrics: new Registry(), chunkSize: 20 }),
      await runProjector({ name: queryProjection, eventLog: slow.eventLog, readPool: reference.pool, readModels: queryReadModels, log, metrics: new Registry(), setBased: false }),
    );
    // The entry partitions start first; the journals (chunks of 2) follow 200 ms later, while they are in flight.
    await Promise.all([
      ...parts.slice(0, partitions).map((part) => fast.deliver(part, 20)),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await fast.deliver(journalEvents, 2);
      })(),
      slow.deliver(scenario, 500),
    ]);
    expect(unseen).toBeGreaterThan(20);
    expect(fast.failed).toEqual([]);
    const { kept, recounted } = await derived(shared.pool);
    expect(kept.entryCounts).toHaveLength(12);
    expect(kept.entryCounts).toEqual(recounted.entryCounts);
    expect(await misnamed(shared.pool)).toBe(0);
    expect(await misnamed(reference.pool)).toBe(0);
    expect(kept).toEqual((await derived(reference.pool)).kept);
    const entries = 'SELECT entry_id, journal_id, journal_name, deleted_at FROM entries_view ORDER BY entry_id';
    expect((await shared.pool.query(entries)).rows).toEqual((await reference.pool.query(entries)).rows);

    const again = handLog();
    projectors.push(await runProjector({ name: queryProjection, eventLog: again.eventLog, readPool: shared.pool, readModels: [...queryReadModels, holdingChunks, holdingJournals], log, metrics: new Registry(), chunkSize: 20 }));
    await Promise.all(parts.map((part) => again.deliver(part, 20)));
    expect((await derived(shared.pool)).kept).toEqual(kept);
    expect(await misnamed(shared.pool)).toBe(0);
  });
});
