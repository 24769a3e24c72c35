// A consumer that kafkajs leaves crashed for good (a non-retriable answer from the broker) is started again by the
// subscription, on the real broker: here another member of the group speaks an assignment protocol ours does not,
// so every join is refused with INCONSISTENT_GROUP_PROTOCOL until that member leaves.
import { topicFor, type AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { AssignerProtocol, Kafka, logLevel, PartitionAssigners, type Consumer, type PartitionAssigner } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KafkaPublisher } from '../../test/kafka-publisher.js';
import { journalHistory } from '../../test/test-events.js';
import { eventually, testKafkaBrokers, uniquePrefix } from '../../test/test-servers.js';
import type { EventBatch, EventLog } from '../event-log.js';
import { createKafkaEventLog } from './kafka-event-log.js';

const prefix = uniquePrefix('crash');
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

/** The round-robin assigner under another protocol name: a member no MindFlow consumer can share a group with. */
const foreignAssigner: PartitionAssigner = (config) => {
  const roundRobin = PartitionAssigners.roundRobin(config);
  return {
    ...roundRobin,
    name: 'ForeignAssigner',
    protocol: ({ topics }) => ({ name: 'ForeignAssigner', metadata: AssignerProtocol.MemberMetadata.encode({ version: roundRobin.version, topics, userData: Buffer.alloc(0) }) }),
  };
};

describe('Kafka subscription after a crash kafkajs does not restart', () => {
  it('starts a new consumer with backoff, and consumes once the group lets it in', async () => {
    const group = `${prefix}-group`;
    const topic = topicFor('JournalCreated', prefix);
    const blocker: Consumer = new Kafka({ clientId: 'blocker', brokers, logLevel: logLevel.NOTHING })
      .consumer({ groupId: group, partitionAssigners: [foreignAssigner], sessionTimeout: 10_000 });
    await blocker.connect();
    await blocker.subscribe({ topics: [topic] });
    const blockerJoined = new Promise<void>((resolve) => blocker.on(blocker.events.GROUP_JOIN, () => resolve()));
    await blocker.run({ eachMessage: () => Promise.resolve() });
    await blockerJoined;
    let blockerStopped = false;
    closing.push(async () => void (blockerStopped || (await blocker.disconnect())));

    const logLine = z.object({ msg: z.string(), restart: z.boolean().optional() });
    const lines: z.infer<typeof logLine>[] = [];
    const log = createLogger('crash-test', 'warn', { write: (line: string) => void lines.push(logLine.parse(JSON.parse(line))) });
    const eventLog: EventLog = createKafkaEventLog({ brokers, topicPrefix: prefix, log, topicPartitions: 2, sessionTimeoutMs: 10_000, backoff: { initialMs: 50, maxMs: 500 } });
    closing.push(() => eventLog.close());
    const seen: AnyEvent[] = [];
    const subscription = await eventLog.subscribe({
      group,
      eventTypes: ['JournalCreated'],
      fromBeginning: true,
      handle: (batch: EventBatch) => {
        seen.push(...batch.events);
        batch.done(batch.events.length - 1);
        return Promise.resolve();
      },
    });
    closing.push(() => subscription.stop());

    // Refused, crashed without kafkajs restarting it, and started again by us: more than once.
    await eventually('two restarts after crashes', () => lines.filter((l) => l.msg.startsWith('kafka consumer stopped after a crash')).length >= 2, 30_000);
    expect(lines.some((l) => l.msg === 'kafka consumer crashed' && l.restart === false)).toBe(true);

    await blocker.disconnect();
    blockerStopped = true;
    const events = journalHistory(3);
    await publisher.publish(events);
    await subscription.ready();
    await eventually('the events to arrive', () => seen.length >= events.length, 60_000);
    expect(seen.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
  }, 120_000);
});
