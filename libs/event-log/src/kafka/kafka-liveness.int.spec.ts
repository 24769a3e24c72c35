// Liveness of a projector whose Kafka consumer has stopped consuming while events wait (kafkajs #1466, issue 13), on
// the real broker and a real read DB: another member of the group speaks an assignment protocol ours does not, so
// every join of our consumer is refused (INCONSISTENT_GROUP_PROTOCOL) and it crashes, again and again, restarted with
// backoff by the subscription. The process would look healthy; `isStalled` (what `/health/live` answers for a
// projector role) must say it is not, and take it back once the consumer gets in and consumes.
import { topicFor } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { AssignerProtocol, Kafka, logLevel, PartitionAssigners, type Consumer, type PartitionAssigner } from 'kafkajs';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KafkaPublisher } from '../../test/kafka-publisher.js';
import { journalHistory } from '../../test/test-events.js';
import { effectsDatabase, eventually, testKafkaBrokers, uniquePrefix, type TestDatabase } from '../../test/test-servers.js';
import type { EventLog } from '../event-log.js';
import type { ReadModel } from '../projector/projection-handlers.js';
import { runProjector, type Projector } from '../projector/run-projector.js';
import { createKafkaEventLog } from './kafka-event-log.js';

const prefix = uniquePrefix('live');
let brokers: string[];
let publisher: KafkaPublisher;
let readDb: TestDatabase;
const closing: (() => Promise<void>)[] = [];

beforeAll(async () => {
  brokers = await testKafkaBrokers();
  publisher = new KafkaPublisher(brokers, prefix);
  await publisher.connect(2, ['JournalCreated']);
  readDb = await effectsDatabase('kafka_liveness');
});
afterAll(async () => {
  for (const close of closing.reverse()) await close().catch(() => undefined);
  await publisher?.close();
  await readDb?.drop();
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

const effects: ReadModel = {
  name: 'effects',
  handlers: { JournalCreated: async (event, tx) => void (await tx.query('INSERT INTO effects (aggregate_id, version) VALUES ($1, $2)', [event.aggregateId, event.aggregateVersion])) },
};
const applied = async () => Number((await readDb.pool.query<{ n: string }>('SELECT count(*) AS n FROM effects')).rows[0]!.n);

describe('projector liveness on Kafka', () => {
  it('is not live while its consumer cannot consume and events wait, and live again once it consumes', async () => {
    const group = `${prefix}.effects`;
    const blocker: Consumer = new Kafka({ clientId: 'blocker', brokers, logLevel: logLevel.NOTHING })
      .consumer({ groupId: group, partitionAssigners: [foreignAssigner], sessionTimeout: 10_000 });
    await blocker.connect();
    await blocker.subscribe({ topics: [topicFor('JournalCreated', prefix)] });
    const blockerJoined = new Promise<void>((resolve) => blocker.on(blocker.events.GROUP_JOIN, () => resolve()));
    await blocker.run({ autoCommit: false, eachMessage: () => Promise.resolve() }); // reads, commits nothing: the events still wait for the group
    await blockerJoined;
    let blockerStopped = false;
    closing.push(async () => void (blockerStopped || (await blocker.disconnect())));

    const events = Array.from({ length: 5 }, () => journalHistory(1)).flat();
    await publisher.publish(events);

    const logLine = z.object({ msg: z.string() });
    const lines: string[] = [];
    const log = createLogger('liveness-test', 'info', { write: (line: string) => void lines.push(logLine.parse(JSON.parse(line)).msg) });
    const eventLog: EventLog = createKafkaEventLog({ brokers, topicPrefix: prefix, log, topicPartitions: 2, sessionTimeoutMs: 10_000, backoff: { initialMs: 50, maxMs: 500 } });
    closing.push(() => eventLog.close());
    const projector: Projector = await runProjector({
      name: 'effects', group, eventLog, readPool: readDb.pool, readModels: [effects], log, metrics: new Registry(),
      caughtUp: { pollMs: 200, maxStallMs: 3_000 },
    });
    closing.push(() => projector.stop());
    expect(projector.isStalled()).toBe(false); // within the bound since it started

    await eventually('the projector to count as stopped while behind', () => projector.isStalled(), 30_000);
    expect(await applied()).toBe(0);
    expect(lines).toContain('kafka consumer stopped after a crash kafkajs does not recover from: starting a new one');
    await eventually('the stall logged at its next reading', () => lines.includes('projector stopped consuming while behind (not live)'), 5_000);

    await blocker.disconnect();
    blockerStopped = true;
    await eventually('the events to be applied', async () => (await applied()) === events.length, 60_000);
    expect(projector.isStalled()).toBe(false);
    await eventually('a reading with nothing waiting', async () => (await projector.measureLag()).events === 0, 10_000);
    expect(projector.isStalled()).toBe(false);
    await eventually('the recovery logged', () => lines.includes('projector consuming again'), 5_000);
  }, 120_000);

  it('tells the member that stopped from one whose own partitions are caught up while the other\'s wait', async () => {
    const pairPrefix = uniquePrefix('live-pair');
    const pairPublisher = new KafkaPublisher(brokers, pairPrefix);
    await pairPublisher.connect(2, ['JournalCreated']);
    closing.push(() => pairPublisher.close());
    const log = createLogger('liveness-pair-test', 'silent');
    const eventLog: EventLog = createKafkaEventLog({ brokers, topicPrefix: pairPrefix, log, topicPartitions: 2, sessionTimeoutMs: 30_000, backoff: { initialMs: 50, maxMs: 500 } });
    closing.push(() => eventLog.close());
    // A's handler hangs (a chunk waiting on a lock that never comes) until released; B's applies.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    closing.push(() => Promise.resolve(release()));
    const hanging: ReadModel = { name: 'effects', handlers: { JournalCreated: async (event, tx) => { await released; await effects.handlers.JournalCreated!(event, tx); } } };
    const start = (readModels: ReadModel[]) => runProjector({
      name: 'pair', group: `${pairPrefix}.pair`, eventLog, readPool: readDb.pool, readModels, log, metrics: new Registry(), caughtUp: { pollMs: 200, maxStallMs: 3_000 },
    });
    const a = await start([hanging]);
    closing.push(() => a.stop());
    const b = await start([effects]);
    closing.push(() => b.stop());
    await Promise.all([a.ready(), b.ready()]);

    const events = Array.from({ length: 12 }, () => journalHistory(1)).flat();
    await pairPublisher.publish(events);
    await eventually('A to count as stopped while its partition waits', () => a.isStalled(), 30_000);
    await eventually('B to have consumed its partition', async () => (await b.measureLag()).events < events.length, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // past the bound for B too
    await b.measureLag();
    expect(a.isStalled()).toBe(true);
    expect(b.isStalled()).toBe(false); // the group is behind, B's own partition is not

    release();
    await eventually('A to apply its partition', async () => (await a.measureLag()).events === 0, 30_000);
    expect(a.isStalled()).toBe(false);
  }, 120_000);
});
