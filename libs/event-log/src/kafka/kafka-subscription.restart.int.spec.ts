// A member restarted after a `kill -9` (issue 13): the dead member stays in the group until its session expires, and
// the coordinator holds the new member's join until then. `subscribe` must not wait for that (a role's ops server,
// `/health/live`, starts when it returns): it resolves at once, `ready()` when the join completes. On the real broker,
// with the dead member a real process killed with SIGKILL.
import { spawn } from 'node:child_process';
import { topicFor, type AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaPublisher } from '../../test/kafka-publisher.js';
import { journalHistory } from '../../test/test-events.js';
import { eventually, testKafkaBrokers, uniquePrefix } from '../../test/test-servers.js';
import type { EventBatch, EventLog, Subscription } from '../event-log.js';
import { createKafkaEventLog } from './kafka-event-log.js';

const prefix = uniquePrefix('restart');
const sessionTimeoutMs = 10_000;
let brokers: string[];
let publisher: KafkaPublisher;
const closing: (() => Promise<void>)[] = [];

beforeAll(async () => {
  brokers = await testKafkaBrokers();
  publisher = new KafkaPublisher(brokers, prefix);
  await publisher.connect(2, ['JournalCreated']);
});
afterAll(async () => {
  for (const close of closing.reverse()) await close().catch(() => undefined);
  await publisher?.close();
});

/** A kafkajs member of `group` in a process of its own, joined, then killed with SIGKILL: it never leaves the group. */
async function memberKilledInGroup(group: string, topic: string): Promise<void> {
  const script = `
    const { Kafka, logLevel } = require('kafkajs');
    const consumer = new Kafka({ clientId: 'doomed', brokers: ${JSON.stringify(brokers)}, logLevel: logLevel.NOTHING })
      .consumer({ groupId: ${JSON.stringify(group)}, sessionTimeout: ${sessionTimeoutMs}, heartbeatInterval: 1000 });
    consumer.on(consumer.events.GROUP_JOIN, () => console.log('joined'));
    (async () => { await consumer.connect(); await consumer.subscribe({ topics: [${JSON.stringify(topic)}] }); await consumer.run({ eachMessage: async () => {} }); })();`;
  const child = spawn(process.execPath, ['-e', script], { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the doomed member did not join within 30 s')), 30_000);
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('joined') && (clearTimeout(timer), resolve()));
      child.once('exit', (code) => reject(new Error(`the doomed member exited (${code}) before joining`)));
    });
  } finally {
    child.kill('SIGKILL');
  }
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)));
}

describe('Kafka subscription of a group that still holds a killed member', () => {
  it('subscribes at once and consumes once the dead member\'s session expired; stopped while joining, it leaves no member', async () => {
    const group = `${prefix}-group`;
    const topic = topicFor('JournalCreated', prefix);
    await memberKilledInGroup(group, topic);

    const log = createLogger('restart-test', 'silent');
    const eventLog: EventLog = createKafkaEventLog({ brokers, topicPrefix: prefix, log, topicPartitions: 2, sessionTimeoutMs, backoff: { initialMs: 50, maxMs: 500 } });
    closing.push(() => eventLog.close());
    const seen: AnyEvent[] = [];
    const seenByStopped: AnyEvent[] = [];
    const subscribe = (into: AnyEvent[]): Promise<Subscription> => eventLog.subscribe({
      group,
      eventTypes: ['JournalCreated'],
      fromBeginning: true,
      handle: (batch: EventBatch) => {
        into.push(...batch.events);
        batch.done(batch.events.length - 1);
        return Promise.resolve();
      },
    });

    const started = performance.now();
    const first = await subscribe(seenByStopped);
    const subscribedMs = performance.now() - started;
    let joined = false;
    void first.ready().then(() => (joined = true));
    // Before: `subscribe` awaited the join, i.e. the dead member's session (10 s from its last heartbeat).
    expect(subscribedMs).toBeLessThan(5_000);
    expect(joined).toBe(false);
    // Stopped while its join waits for the dead member: it must not become a member afterwards.
    await first.stop();

    const subscription = await subscribe(seen);
    closing.push(() => subscription.stop());
    const events = journalHistory(3);
    await publisher.publish(events);
    await subscription.ready();
    expect(performance.now() - started).toBeLessThan(sessionTimeoutMs + 20_000);
    await eventually('the events to arrive', () => seen.length >= events.length, 30_000);
    expect(seen.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(seenByStopped).toEqual([]);

    const admin = new Kafka({ clientId: 'restart-test-admin', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([group]);
      expect(groups[0]?.members.map((m) => m.clientId)).toEqual(['mindflow']);
    } finally {
      await admin.disconnect();
    }
  }, 90_000);
});
