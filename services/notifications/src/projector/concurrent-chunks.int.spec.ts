import { createHash, randomUUID } from 'node:crypto';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { erasingReadModels, runProjector, type EventBatch, type EventLog, type Projector, type ReadModel, type SubscribeOptions } from '@mindflow/event-log';
import { createLogger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleTestDb, type ScheduleTestDb } from '../test/schedule-db.js';
import { notificationsProjection, notificationsReadModels } from './notifications-projector.js';
import { notificationsUserEraser } from './user-erasure.js';

// Chunks of the same authors applied at the same time, as the partitions of a log keyed by aggregate (the entry)
// deliver them in distributed mode: every JournalEntryCreated remembers its author's plan (reflection_authors, one
// row per user, shared by all their entries). Chunks taking those rows in their own event order deadlocked (40P01)
// and were retried in halves; they must queue instead, and the rows must still say the latest event's plan.

const partitions = 3;
const authors = Array.from({ length: 6 }, () => randomUUID());
const entriesPerAuthor = 30;

/** Holds every entry event 5 ms inside its chunk's transaction: chunks of different partitions always overlap. */
const holdingChunks: ReadModel = {
  name: 'hold',
  handlers: { JournalEntryCreated: async (_event, tx) => void (await tx.query('SELECT pg_sleep(0.005)')) },
};

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
  /** Delivers `events` in batches of `size`; after a failure again from the first event not done (as a redelivery). */
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
        if (++failures > 20) throw error;
      }
      rest = rest.slice(state.done + 1);
    }
  }
  return { eventLog, deliver };
}

/** Each author's entries, their plan changing from one to the next (the latest event's plan must win). */
function entryEvents(): AnyEvent[] {
  const journal = randomUUID();
  const start = Date.parse('2030-03-01T00:00:00.000Z');
  return Array.from({ length: entriesPerAuthor }, (_, n) => authors.map((author, a): AnyEvent => {
    const entryId = randomUUID();
    const occurredAt = new Date(start + (n * authors.length + a) * 1_000).toISOString();
    const authorPlan = (n + a) % 2 === 0 ? 'free' : 'premium';
    return {
      ...sampleEvent('JournalEntryCreated', {
        payload: { ...samplePayloads.JournalEntryCreated, entryId, journalId: journal, content: `entry ${n}`, createdAt: occurredAt, authorPlan },
      }),
      eventId: randomUUID(), aggregateId: entryId, aggregateVersion: 1, userId: author, occurredAt,
    };
  })).flat();
}

/** The log split as Kafka keyed by aggregate would: each entry on one of `partitions` partitions, in order. */
function asPartitions(events: readonly AnyEvent[]): AnyEvent[][] {
  const parts = Array.from({ length: partitions }, () => [] as AnyEvent[]);
  for (const event of events) parts[createHash('sha1').update(event.aggregateId).digest().readUInt32BE(0) % partitions]!.push(event);
  return parts;
}

let db: ScheduleTestDb;
let projector: Projector | undefined;
beforeAll(async () => {
  db = await scheduleTestDb('notifications_concurrent_chunks');
});
afterAll(async () => {
  await projector?.stop();
  await db?.drop();
});

describe('notifications projector, chunks of the same authors at once', () => {
  it('queues them instead of deadlocking on reflection_authors, and keeps each author\'s latest plan', { timeout: 120_000 }, async () => {
    const lines: string[] = [];
    const log = createLogger('notifications-concurrent-chunks-test', 'debug', { write: (line: string) => void lines.push(line) });
    const { eventLog, deliver } = handLog();
    const readModels = erasingReadModels([...notificationsReadModels, holdingChunks], notificationsUserEraser(notificationsProjection, () => new Date()));
    projector = await runProjector({ name: notificationsProjection, eventLog, readPool: db.pool, readModels, log, metrics: new Registry(), setBased: false, chunkSize: 60 });

    const events = entryEvents();
    await Promise.all(asPartitions(events).map((part) => deliver(part, 60)));

    // A chunk that fails is retried in halves (logged at debug): none may have failed, for a deadlock or anything.
    const failures = lines.map((line) => JSON.parse(line) as { level: number; msg: string; err?: { code?: string; message?: string } })
      .filter((entry) => entry.msg.includes('chunk failed') || entry.level >= 40)
      .map((entry) => `${entry.msg}: ${entry.err?.code ?? ''} ${entry.err?.message ?? ''}`);
    expect(failures).toEqual([]);

    const { rows } = await db.pool.query<{ user_id: string; plan: string; seen_at: Date }>('SELECT user_id, plan, seen_at FROM reflection_authors WHERE user_id = ANY($1::uuid[])', [authors]);
    const latest = new Map<string, AnyEvent>();
    for (const event of events) if ((latest.get(event.userId)?.occurredAt ?? '') < event.occurredAt) latest.set(event.userId, event);
    expect(Object.fromEntries(rows.map((r) => [r.user_id, [r.plan, r.seen_at.toISOString()]]))).toEqual(Object.fromEntries(authors.map((author) => {
      const event = latest.get(author)! as Extract<AnyEvent, { eventType: 'JournalEntryCreated' }>;
      return [author, [event.payload.authorPlan, event.occurredAt]];
    })));
    const entries = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM reflection_entries WHERE user_id = ANY($1::uuid[])', [authors]);
    expect(Number(entries.rows[0]!.n)).toBe(events.length);
  });
});
