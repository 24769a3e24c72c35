// The notifier role on both event logs, each with the bus of its mode: the embedded outbox with the
// in-process bus, Kafka with Redis pub/sub. Real Postgres, Kafka and Redis from @mindflow/testing.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPool, migrate, withTransaction, type Pool } from '@mindflow/db';
import { createEventLog, appendToOutbox, outboxMigrations, type EventLog } from '@mindflow/event-log';
import { toKafkaMessage, topicFor, type AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, createTestKafka, createTestTopics, testServers, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
import type { Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus } from './in-process-bus.js';
import type { Notification } from './notification.js';
import type { NotificationBus } from './notification-bus.js';
import { createRedisBus } from './redis-bus.js';
import { runNotifier, type RunningNotifier } from './run-notifier.js';

const log = createLogger('notifier-test', 'silent');

interface Setup {
  eventLog: EventLog;
  bus: NotificationBus;
  /** A second bus instance on the same channels, as a gateway replica would hold (the same one in-process). */
  gateway: NotificationBus;
  append(events: AnyEvent[]): Promise<void>;
  close(): Promise<void>;
}

async function embeddedSetup(): Promise<Setup> {
  const [writeDb, readDb] = await Promise.all([createTestDatabase('notifier-write'), createTestDatabase('notifier-read')]);
  const writePool: Pool = createPool(writeDb.url, { applicationName: 'notifier-test' });
  await migrate(writePool, 'command', outboxMigrations);
  const eventLog = createEventLog({ mode: 'embedded', log, writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url });
  const bus = createInProcessBus(log);
  return {
    eventLog, bus, gateway: bus,
    append: (events) => withTransaction(writePool, (tx) => appendToOutbox(tx, events)),
    async close() {
      await eventLog.close();
      await writePool.end();
      await Promise.all([writeDb, readDb].map((db: TestDatabase) => db.drop()));
    },
  };
}

async function kafkaSetup(): Promise<Setup> {
  const servers = await testServers();
  const topicPrefix = uniqueTopicPrefix('notifier');
  const keyPrefix = uniqueRedisPrefix('notifier');
  const redisUrl = await servers.redisUrl();
  await createTestTopics(['entry', 'task', 'insights', 'user'].map((stream) => `${topicPrefix}.${stream}`));
  const eventLog = createEventLog({ mode: 'distributed', log, kafkaBrokers: (await servers.kafkaBrokers()).join(','), kafkaTopicPrefix: topicPrefix });
  const producer: Producer = (await createTestKafka('notifier-test')).producer({ idempotent: true });
  await producer.connect();
  const bus = createRedisBus({ url: redisUrl, keyPrefix, log });
  const gateway = createRedisBus({ url: redisUrl, keyPrefix, log });
  return {
    eventLog, bus, gateway,
    async append(events) {
      for (const event of events) await producer.send({ topic: topicFor(event.eventType, topicPrefix), messages: [toKafkaMessage(event)] });
    },
    async close() {
      await eventLog.close();
      await producer.disconnect();
      await Promise.all([bus.close(), gateway.close()]);
    },
  };
}

/** One user's entry history: created, mood, updated, deleted (versions 1–4), happening now. */
function entryHistory(userId: string): AnyEvent[] {
  const entryId = randomUUID();
  const entry = { ...samplePayloads.JournalEntryCreated, entryId };
  const at = new Date().toISOString();
  return [
    sampleEvent('JournalEntryCreated', { eventId: randomUUID(), userId, occurredAt: at, aggregateVersion: 1, payload: entry }),
    sampleEvent('MoodRecorded', { eventId: randomUUID(), userId, occurredAt: at, aggregateVersion: 2, payload: { entryId, mood: 'GREAT', recordedAt: at } }),
    sampleEvent('JournalEntryUpdated', {
      eventId: randomUUID(), userId, occurredAt: at, aggregateVersion: 3,
      payload: { ...samplePayloads.JournalEntryUpdated, entryId, journalId: entry.journalId },
    }),
    sampleEvent('JournalEntryDeleted', { eventId: randomUUID(), userId, occurredAt: at, aggregateVersion: 4, payload: { entryId, journalId: entry.journalId, deletedAt: at } }),
  ];
}

async function until<T>(what: string, read: () => T[], count: number, timeoutMs = 20_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  while (read().length < count) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${read().length} of ${count}`);
    await sleep(20);
  }
  return read();
}

describe.each([
  ['embedded outbox, in-process bus', embeddedSetup],
  ['Kafka, Redis pub/sub', kafkaSetup],
])('notifier (%s)', (_name, setup) => {
  let s: Setup;
  let notifier: RunningNotifier;
  const metrics = new Registry();

  beforeAll(async () => {
    s = await setup();
    // Events from before the notifier's first start are history, not news.
    await s.append(entryHistory(randomUUID()));
    notifier = await runNotifier({ eventLog: s.eventLog, bus: s.bus, group: `notifier-${randomUUID()}`, log, metrics });
    await notifier.ready();
  });
  afterAll(async () => {
    await notifier?.stop();
    await s?.close();
  });

  it('publishes each change of a user\'s entry to that user, in order, and nothing to anyone else', async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    const forAlice: Notification[] = [];
    const forBob: Notification[] = [];
    await s.gateway.listen(alice, (n) => forAlice.push(n));
    await s.gateway.listen(bob, (n) => forBob.push(n));
    const history = entryHistory(alice);
    // Events no subscription is about travel the same streams and are passed over.
    await s.append([...history, sampleEvent('UserLoggedIn', { eventId: randomUUID(), userId: alice })]);

    const received = await until('alice\'s four notifications', () => forAlice, 4);
    expect(received.map((n) => [n.kind, n.aggregateVersion, n.eventId])).toEqual([
      ['CREATED', 1, history[0]!.eventId],
      ['UPDATED', 2, history[1]!.eventId],
      ['UPDATED', 3, history[2]!.eventId],
      ['DELETED', 4, history[3]!.eventId],
    ]);
    expect(received.every((n) => n.userId === alice && n.subjectId === history[0]!.aggregateId)).toBe(true);
    await sleep(200);
    expect(forAlice).toHaveLength(4);
    expect(forBob).toEqual([]);
  });

  it('publishes tasks and insights too, and skips events too old to be news', async () => {
    const user = randomUUID();
    const got: Notification[] = [];
    await s.gateway.listen(user, (n) => got.push(n));
    const taskId = randomUUID();
    const longAgo = new Date(Date.now() - 60 * 60_000).toISOString();
    await s.append([
      sampleEvent('TaskCreated', { eventId: randomUUID(), userId: user, occurredAt: longAgo, aggregateVersion: 1, payload: { ...samplePayloads.TaskCreated, taskId } }),
      sampleEvent('TaskCompleted', { eventId: randomUUID(), userId: user, occurredAt: new Date().toISOString(), aggregateVersion: 2, payload: { taskId, occurrence: null, completedAt: new Date().toISOString() } }),
      sampleEvent('AIInsightsGenerated', { eventId: randomUUID(), userId: user, occurredAt: new Date().toISOString() }),
    ]);
    const received = await until('a task and an insights notification', () => got, 2);
    // Tasks and insights are different streams (topics): their relative order is not promised.
    expect(received.map((n) => [n.subject, n.kind]).sort()).toEqual([['insights', 'GENERATED'], ['task', 'COMPLETED']]);
    expect(await metrics.getSingleMetricAsString('mindflow_notifier_skipped_total')).toMatch(/reason="stale"} 1/);
  });
});

// Liveness (issue 13, kafkajs #1466): a notifier whose batch never finishes while events wait for it — here every
// publish to the real Redis bus is held until released, as a hung connection would — is not live once the bound has
// passed, and is again once it publishes.
describe('notifier liveness (Kafka, Redis pub/sub)', () => {
  let s: Setup;
  let notifier: RunningNotifier | undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  beforeAll(async () => {
    s = await kafkaSetup();
  });
  afterAll(async () => {
    release();
    await notifier?.stop();
    await s?.close();
  });

  it('is not live while its batch hangs with events waiting, and live again once it publishes them', async () => {
    const lines: string[] = [];
    const watched = createLogger('notifier-liveness-test', 'info', { write: (line: string) => void lines.push((JSON.parse(line) as { msg: string }).msg) });
    const holding: NotificationBus = {
      kind: s.bus.kind,
      publish: async (notification) => {
        await released;
        await s.bus.publish(notification);
      },
      listen: (userId, listener) => s.bus.listen(userId, listener),
      healthy: () => s.bus.healthy(),
      close: () => s.bus.close(),
    };
    notifier = await runNotifier({ eventLog: s.eventLog, bus: holding, group: `notifier-${randomUUID()}`, log: watched, liveness: { pollMs: 200, maxStallMs: 3_000 } });
    await notifier.ready();
    expect(notifier.isStalled()).toBe(false);

    const user = randomUUID();
    const got: Notification[] = [];
    await s.gateway.listen(user, (n) => got.push(n));
    await s.append(entryHistory(user));
    await until('the notifier to count as stopped while behind', () => (notifier!.isStalled() ? [true] : []), 1, 30_000);
    expect(got).toEqual([]);
    await until('the stall logged', () => lines.filter((l) => l === 'notifier stopped consuming while behind (not live)'), 1, 5_000);

    release();
    await until('the user\'s four notifications', () => got, 4);
    expect(notifier.isStalled()).toBe(false);
  });
});

