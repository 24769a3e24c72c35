import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool, migrate, type Migration, type Pool, type PoolClient } from '@mindflow/db';
import { createKafkaEventLog, ensureEventTopics, rebuildProjection, type ProjectionDefinition, type ReadModel } from '@mindflow/event-log';
import { allTopics, toKafkaMessage, topicFor, type AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDrillKafka, type DrillKafka } from '../drills/kafka-broker.js';

// The event log keeps its history (issue 13, docs/CONVENTIONS.md "Where the history lives"): on a broker of our own
// whose retention deletes segments older than a second, the event topics (made by ensureEventTopics, as the relay
// and the projectors make them) keep every segment while a control topic on the broker's defaults loses its own,
// and a rebuild from offset 0 reads every event. The shared broker checks retention every 5 minutes (Kafka's
// default), too slow to watch, hence a broker of this spec's own, from the jars the drills use.

const log = createLogger('rebuild-after-retention-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
const partitions = 3;
// Segments older than 1 s go, checked every 0.5 s from the start; 16 KiB segments (a produced batch must fit in
// one), so each partition of the journal topic has several.
const brokerSettings = {
  'log.retention.ms': '1000',
  'log.retention.check.interval.ms': '500',
  'log.initial.task.delay.ms': '0',
  'log.segment.bytes': '16384',
};

let dir: string;
let broker: DrillKafka | undefined;
let kafka: Kafka;
let admin: Admin;
let producer: Producer;
let readDb: TestDatabase;
let read: Pool;

const migrations: Migration[] = [{
  id: '0001-seen-events',
  sql: `CREATE TABLE seen_events (event_id uuid PRIMARY KEY, event_type text NOT NULL);
    CREATE TABLE projection_versions (projection text, aggregate_id uuid, version int NOT NULL, PRIMARY KEY (projection, aggregate_id));`,
}];
const seen = async (event: AnyEvent, tx: PoolClient) => {
  await tx.query('INSERT INTO seen_events (event_id, event_type) VALUES ($1, $2)', [event.eventId, event.eventType]);
};
const seenEvents: ReadModel = { name: 'seen_events', handlers: { JournalCreated: seen, JournalUpdated: seen, TaskCreated: seen } };
const definition: ProjectionDefinition = { name: 'seen', readModels: [seenEvents], migrationScope: 'seen', migrations };

/** 30 journals of 10 versions each (journal topic) and 60 tasks (task topic). */
function history(): AnyEvent[] {
  const events: AnyEvent[] = [];
  for (let j = 0; j < 30; j++) {
    const journalId = randomUUID();
    events.push(sampleEvent('JournalCreated', { eventId: randomUUID(), payload: { ...samplePayloads.JournalCreated, journalId } }));
    for (let version = 2; version <= 10; version++) {
      events.push(sampleEvent('JournalUpdated', {
        eventId: randomUUID(), aggregateVersion: version, payload: { ...samplePayloads.JournalUpdated, journalId, name: `name v${version}` },
      }));
    }
  }
  for (let t = 0; t < 60; t++) events.push(sampleEvent('TaskCreated', { eventId: randomUUID(), payload: { ...samplePayloads.TaskCreated, taskId: randomUUID() } }));
  return events;
}

/** Each partition's earliest offset (the log start), by topic. */
async function earliestOffsets(topics: readonly string[]): Promise<Record<string, number[]>> {
  const entries = await Promise.all(topics.map(async (topic) => [topic, (await admin.fetchTopicOffsets(topic)).sort((a, b) => a.partition - b.partition).map((p) => Number(p.low))] as const));
  return Object.fromEntries(entries);
}

/** The segment files a partition has on disk. */
const segmentsOf = async (topic: string, partition: number) =>
  (await readdir(join(dir, 'data', `${topic}-${partition}`))).filter((file) => file.endsWith('.log')).sort();

const killBroker = () => {
  if (broker?.pid) process.kill(broker.pid, 'SIGKILL');
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mindflow-retention-'));
  broker = await startDrillKafka(dir, brokerSettings);
  process.once('exit', killBroker); // a run that ends without afterAll (timeout, Ctrl-C) leaves no JVM behind
  readDb = await createTestDatabase('retention_read');
  read = createPool(readDb.url, { applicationName: 'retention-test', max: 2 });
  await migrate(read, definition.migrationScope, migrations);
  kafka = new Kafka({ clientId: 'retention-test', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
});
afterAll(async () => {
  await producer?.disconnect().catch(() => undefined);
  await admin?.disconnect().catch(() => undefined);
  await read?.end();
  await readDb?.drop();
  await broker?.stop();
  process.off('exit', killBroker);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a rebuild after the broker deleted old segments', () => {
  it('finds every event: the event topics keep theirs while a topic on the broker defaults loses its', async () => {
    const prefix = `retention${Date.now()}`; // per attempt: a retry starts from empty topics
    const [eventTopics, controlTopic] = [allTopics(prefix), `${prefix}.control`];
    await ensureEventTopics(admin, eventTopics, { partitions, log });
    // On the broker's defaults; a fresh broker may list a new topic before it serves it: wait until it does.
    await admin.createTopics({ waitForLeaders: false, topics: [{ topic: controlTopic, numPartitions: partitions }] });
    await expect.poll(() => admin.fetchTopicOffsets(controlTopic).then((offsets) => offsets.length, () => 0), { timeout: 10_000 }).toBe(partitions);

    // Written in rounds (a batch goes whole into one segment), the journal events also to the control topic.
    const events = history();
    for (let i = 0; i < events.length; i += 15) {
      const round = events.slice(i, i + 15);
      const byTopic = new Map<string, AnyEvent[]>();
      for (const event of round) byTopic.set(topicFor(event.eventType, prefix), [...(byTopic.get(topicFor(event.eventType, prefix)) ?? []), event]);
      const journal = round.filter((event) => event.eventType !== 'TaskCreated');
      if (journal.length > 0) byTopic.set(controlTopic, journal);
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list.map(toKafkaMessage) })) });
    }

    // The broker deletes: every partition of the control topic starts past offset 0 …
    await expect.poll(async () => (await earliestOffsets([controlTopic]))[controlTopic]!.every((low) => low > 0), { timeout: 20_000, interval: 250 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // … and two more retention checks pass over every topic
    // … while every event topic still starts at 0, with its segments rolled (several per partition) and kept.
    const earliest = await earliestOffsets(eventTopics);
    expect(earliest).toEqual(Object.fromEntries(eventTopics.map((topic) => [topic, [0, 0, 0]])));
    const journalTopic = topicFor('JournalCreated', prefix);
    for (let p = 0; p < partitions; p++) {
      const segments = await segmentsOf(journalTopic, p);
      expect(segments[0]).toBe('00000000000000000000.log');
      expect(segments.length).toBeGreaterThan(1);
    }

    // A rebuild reads the log from offset 0 with a new group: every event written, once (swapped in only once it has
    // read them all, so no live projector is needed to apply the last ones).
    const eventLog = createKafkaEventLog({ brokers: [broker!.brokers], topicPrefix: prefix, log, topicPartitions: partitions, sessionTimeoutMs: 10_000 });
    const report = await rebuildProjection({
      projection: definition, eventLog, readDatabaseUrl: readDb.url, group: `${prefix}.seen`, log, progressEveryMs: 500, swapBelowLagEvents: 0,
    }).finally(() => eventLog.close());
    expect(report.applied).toBe(events.length);
    const { rows } = await read.query<{ event_id: string }>('SELECT event_id FROM seen_events ORDER BY event_id');
    expect(rows.map((row) => row.event_id)).toEqual(events.map((event) => event.eventId).sort());
  });
});
