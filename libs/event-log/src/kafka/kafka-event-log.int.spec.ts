import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaPublisher } from '../../test/kafka-publisher.js';
import { interleave, journalHistory, unrelatedEvent } from '../../test/test-events.js';
import { eventually, testDatabase, testKafkaBrokers, uniquePrefix, type TestDatabase } from '../../test/test-servers.js';
import type { EventBatch, EventLog, Subscription } from '../event-log.js';
import type { ReadModel } from '../projector/projection-handlers.js';
import { runProjector } from '../projector/run-projector.js';
import { createKafkaEventLog } from './kafka-event-log.js';

const log = createLogger('kafka-log-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
const prefix = uniquePrefix('eventlog');
let brokers: string[];
let publisher: KafkaPublisher;
const logs: EventLog[] = [];

function kafkaLog(): EventLog {
  const eventLog = createKafkaEventLog({
    brokers, topicPrefix: prefix, log, topicPartitions: 4, sessionTimeoutMs: 10_000, backoff: { initialMs: 20, maxMs: 200 },
  });
  logs.push(eventLog);
  return eventLog;
}

beforeAll(async () => {
  brokers = await testKafkaBrokers();
  publisher = new KafkaPublisher(brokers, prefix);
  await publisher.connect(4, ['JournalCreated']);
});
afterAll(async () => {
  await Promise.all(logs.map((l) => l.close()));
  await publisher?.close();
});

function recorder(options: { failOnceAt?: string } = {}) {
  const seen: AnyEvent[] = [];
  let failAt = options.failOnceAt;
  return {
    seen,
    handle: (batch: EventBatch) => {
      for (const [i, event] of batch.events.entries()) {
        if (event.eventId === failAt) {
          failAt = undefined;
          return Promise.reject(new Error('transient failure'));
        }
        seen.push(event);
        batch.done(i);
      }
      return Promise.resolve();
    },
  };
}

const perAggregate = (events: AnyEvent[]) => {
  const versions = new Map<string, number[]>();
  for (const e of events) versions.set(e.aggregateId, [...(versions.get(e.aggregateId) ?? []), e.aggregateVersion]);
  return versions;
};

describe('Kafka event log', () => {
  it('delivers in per-aggregate order, retries a failure from the first undone event, and resumes from the committed offset', async () => {
    const histories = Array.from({ length: 6 }, () => journalHistory(4));
    const first = recorder({ failOnceAt: histories[2]![1]!.eventId });
    const eventLog = kafkaLog();
    let subscription: Subscription = await eventLog.subscribe({ group: `${prefix}.g1`, eventTypes: ['JournalCreated'], fromBeginning: true, handle: first.handle });
    await subscription.ready();
    await publisher.publish(interleave(histories));
    await eventually('24 events', () => first.seen.length === 24);
    for (const versions of perAggregate(first.seen).values()) expect(versions).toEqual([1, 2, 3, 4]);
    await eventually('no lag', async () => (await subscription.lag()) === 0);
    await subscription.stop();

    const more = journalHistory(3);
    await publisher.publish(more);
    const second = recorder();
    subscription = await eventLog.subscribe({ group: `${prefix}.g1`, eventTypes: ['JournalCreated'], fromBeginning: true, handle: second.handle });
    await eventually('the 3 new events', () => second.seen.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(second.seen.map((e) => e.eventId)).toEqual(more.map((e) => e.eventId));
    await subscription.stop();
  });

  it('starts a new group "from the end" of every topic at once: not what was written before, all that follows', async () => {
    const before = journalHistory(3);
    await publisher.publish(before);
    const seen = recorder();
    const eventLog = kafkaLog();
    const started = Date.now();
    // five topics (journals, entries, tasks, thoughts, users): kafkajs's setOffsets took one 5 s fetch wait per topic
    const subscription = await eventLog.subscribe({
      group: `${prefix}.from-end`, eventTypes: ['JournalCreated', 'JournalUpdated', 'JournalEntryCreated', 'TaskCreated', 'ThoughtCaptured', 'UserRegistered'], fromBeginning: false, handle: seen.handle,
    });
    const subscribedMs = Date.now() - started;
    // written after subscribe() and before the member joined: the start was fixed at subscribe time, so they count
    const after = journalHistory(2);
    const afterTask = unrelatedEvent();
    await publisher.publish([...after, afterTask]);
    await subscription.ready();
    await eventually('the 3 events written after subscribe', () => seen.seen.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen.seen.map((e) => e.eventId).sort()).toEqual([...after, afterTask].map((e) => e.eventId).sort());
    expect(subscribedMs).toBeLessThan(10_000);
    await subscription.stop();
  });

  it('keeps per-aggregate order of effects while a second member joins the group (rebalance)', async () => {
    const readDb: TestDatabase = await testDatabase('rebalance');
    try {
      await readDb.pool.query(`
        CREATE TABLE projection_versions (projection text, aggregate_id uuid, version int NOT NULL, PRIMARY KEY (projection, aggregate_id));
        CREATE TABLE effects (seq bigserial PRIMARY KEY, aggregate_id uuid NOT NULL, version int NOT NULL, member text NOT NULL);`);
      const effectsOf = (member: string): ReadModel => {
        const record = async (event: AnyEvent, tx: { query: (q: string, v: unknown[]) => Promise<unknown> }) => {
          await tx.query('INSERT INTO effects (aggregate_id, version, member) VALUES ($1, $2, $3)', [event.aggregateId, event.aggregateVersion, member]);
        };
        return { name: 'effects', handlers: { JournalCreated: record, JournalUpdated: record } };
      };
      const group = `${prefix}.g2`;
      const start = (member: string) =>
        runProjector({ name: 'effects', group, eventLog: kafkaLog(), readPool: readDb.pool, readModels: [effectsOf(member)], log, chunkSize: 5 });

      const histories = Array.from({ length: 40 }, () => journalHistory(10));
      const events = interleave(histories);
      const a = await start('a');
      await a.ready();
      await publisher.publish(events.slice(0, 150));
      const b = await start('b');
      await publisher.publish(events.slice(150, 300));
      await b.ready();
      await publisher.publish(events.slice(300));
      // The topic also holds the first test's events (this group reads from the beginning): count only ours.
      const ids = histories.map((h) => h[0]!.aggregateId);
      const count = async () => Number((await readDb.pool.query<{ n: string }>('SELECT count(*) AS n FROM effects WHERE aggregate_id = ANY($1)', [ids])).rows[0]!.n);
      await eventually('400 effects', async () => (await count()) === 400, 45_000);

      const { rows } = await readDb.pool.query<{ aggregate_id: string; version: number; member: string }>(
        'SELECT aggregate_id, version, member FROM effects WHERE aggregate_id = ANY($1) ORDER BY seq',
        [histories.map((h) => h[0]!.aggregateId)],
      );
      expect(rows).toHaveLength(400);
      const versions = new Map<string, number[]>();
      for (const r of rows) versions.set(r.aggregate_id, [...(versions.get(r.aggregate_id) ?? []), r.version]);
      for (const list of versions.values()) expect(list).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(new Set(rows.map((r) => r.member))).toEqual(new Set(['a', 'b'])); // both members did work
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await readDb.drop();
    }
  });
});
