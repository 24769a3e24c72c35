import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KafkaPublisher } from '../../../test/kafka-publisher.js';
import { interleave, journalHistory } from '../../../test/test-events.js';
import { eventually, testDatabase, testKafkaBrokers, uniquePrefix, type TestDatabase } from '../../../test/test-servers.js';
import type { EventLog } from '../../event-log.js';
import { createKafkaEventLog, deadLetterTopic } from '../../kafka/kafka-event-log.js';
import type { ReadModel } from '../projection-handlers.js';
import { runProjector, type Projector } from '../run-projector.js';
import { redriveDeadLetters } from './redrive.js';

// Dead letters on real Kafka and a real read DB: a poison event is parked with the later events of its
// aggregate, published to `<prefix>.dlq.<projection>`, the others go on; unreadable messages are parked
// with their bytes; a redrive after the fix applies the parked events in order.

const log = createLogger('dead-letters-kafka-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
const prefix = uniquePrefix('dlq');
let readDb: TestDatabase;
let publisher: KafkaPublisher;
let eventLog: EventLog;
let projector: Projector | undefined;
const broken = new Set<string>();

async function record(event: AnyEvent, tx: { query: (q: string, v: unknown[]) => Promise<unknown> }) {
  if (broken.has(event.eventId)) throw new Error(`handler bug on v${event.aggregateVersion}`);
  await tx.query('INSERT INTO effects (aggregate_id, version) VALUES ($1, $2)', [event.aggregateId, event.aggregateVersion]);
}
const effects: ReadModel = { name: 'effects', handlers: { JournalCreated: record, JournalUpdated: record } };

const versionsOf = async (id: string) =>
  (await readDb.pool.query<{ version: number }>('SELECT version FROM effects WHERE aggregate_id = $1 ORDER BY seq', [id])).rows.map((r) => r.version);
const letters = async () =>
  (await readDb.pool.query<{ aggregate_id: string | null; version: number | null; reason: string; raw: Buffer | null }>(
    'SELECT aggregate_id, version, reason, raw FROM dead_letters ORDER BY id')).rows;

beforeAll(async () => {
  const brokers = await testKafkaBrokers();
  readDb = await testDatabase('dlq');
  await readDb.pool.query(`
    CREATE TABLE projection_versions (projection text, aggregate_id uuid, version int NOT NULL, PRIMARY KEY (projection, aggregate_id));
    CREATE TABLE effects (seq bigserial PRIMARY KEY, aggregate_id uuid NOT NULL, version int NOT NULL);`);
  publisher = new KafkaPublisher(brokers, prefix);
  await publisher.connect(3, ['JournalCreated']);
  eventLog = createKafkaEventLog({ brokers, topicPrefix: prefix, log, topicPartitions: 3, sessionTimeoutMs: 10_000, backoff: { initialMs: 20, maxMs: 100 } });
});
afterAll(async () => {
  await projector?.stop();
  await eventLog?.close();
  await publisher?.close();
  await readDb?.drop();
});

describe('dead letters on Kafka', () => {
  it('parks a poison event with its aggregate\'s later events and publishes them to the DLQ topic; others go on; unreadable messages are parked; a redrive after the fix applies them in order', async () => {
    const [a, b, c] = [journalHistory(4), journalHistory(3), journalHistory(2)];
    const d = journalHistory(2);
    const e = journalHistory(1);
    broken.add(a[1]!.eventId);
    const metrics = new Registry();
    projector = await runProjector({ name: 'effects', group: `${prefix}.effects`, eventLog, readPool: readDb.pool, readModels: [effects], log, metrics, maxAttempts: 3 });
    await projector.ready();

    await publisher.publish(interleave([a, b, c]));
    await publisher.publishRaw('JournalCreated', [
      { key: 'not-an-aggregate', value: Buffer.from([0xde, 0xad, 0xbe, 0xef]) }, // no aggregate can be read from it
      // d v1, truncated, sent as the relay sends it: keyed by its aggregate, named in the header too
      { key: d[0]!.aggregateId, headers: { 'aggregate-id': d[0]!.aggregateId }, value: '{"eventType":"JournalCreated","aggregateVersion":1' },
      // a message of before the aggregate-id header: its key names the aggregate
      { key: e[0]!.aggregateId, value: '{"eventType":"JournalCreated","aggregateVersion":1' },
    ]);
    await publisher.publish([d[1]!]); // d v2: behind its unreadable v1

    await eventually('b and c applied, a parked, d held', async () =>
      (await versionsOf(b[0]!.aggregateId)).length === 3 && (await versionsOf(c[0]!.aggregateId)).length === 2 && (await letters()).length === 7);
    expect(await versionsOf(a[0]!.aggregateId)).toEqual([1]);
    expect(await versionsOf(d[0]!.aggregateId)).toEqual([]);
    const parked = await letters();
    expect(parked.filter((l) => l.aggregate_id === a[0]!.aggregateId).map((l) => [l.version, l.reason])).toEqual([[2, 'poison'], [3, 'held'], [4, 'held']]);
    expect(parked.filter((l) => l.aggregate_id === d[0]!.aggregateId).map((l) => [l.version, l.reason])).toEqual([[null, 'unreadable'], [2, 'held']]);
    expect(parked.filter((l) => l.aggregate_id === e[0]!.aggregateId).map((l) => [l.version, l.reason])).toEqual([[null, 'unreadable']]);
    expect(parked.find((l) => l.aggregate_id === null)).toMatchObject({ reason: 'unreadable', raw: Buffer.from([0xde, 0xad, 0xbe, 0xef]) });

    const dlq = await publisher.readTopic(deadLetterTopic(prefix, 'effects'), 7);
    const ofA = dlq.filter((m) => m.key?.toString() === a[0]!.aggregateId);
    const versionOf = (value: Buffer | null) => z.object({ aggregateVersion: z.number() }).parse(JSON.parse(value!.toString())).aggregateVersion;
    expect(ofA.map((m) => [versionOf(m.value), m.headers?.['dead-letter-reason']?.toString()])).toEqual([[2, 'poison'], [3, 'held'], [4, 'held']]);
    expect(ofA[0]!.headers?.['dead-letter-error']?.toString()).toBe('Error: handler bug on v2');
    expect(ofA[0]!.headers?.['dead-letter-attempts']?.toString()).toBe('3');
    const unkeyed = dlq.find((m) => m.key === null);
    expect(unkeyed?.value).toEqual(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    expect(unkeyed?.headers?.['dead-letter-reason']?.toString()).toBe('unreadable');

    // Later events of a parked aggregate go straight to the parked set.
    const [a5] = journalHistory(5, a[0]!.aggregateId).slice(4);
    await publisher.publish([a5!]);
    await eventually('a v5 parked', async () => (await letters()).length === 8);

    broken.clear(); // the fix is deployed
    const report = await redriveDeadLetters({ projection: 'effects', readPool: readDb.pool, readModels: [effects], log });
    expect(report).toMatchObject({ applied: 4, aggregatesCleared: 1, aggregatesStillParked: 2, stillParked: 4 });
    expect(await versionsOf(a[0]!.aggregateId)).toEqual([1, 2, 3, 4, 5]);
    // d's and e's v1 still cannot be read: they stay parked, and the message with no aggregate stays too.
    const left = await letters();
    expect(left.filter((l) => l.aggregate_id === d[0]!.aggregateId).map((l) => l.version)).toEqual([null, 2]);
    expect(left.filter((l) => l.aggregate_id === null)).toHaveLength(1);
    expect(left.filter((l) => l.aggregate_id === e[0]!.aggregateId)).toHaveLength(1);
    expect(left).toHaveLength(4);

    const [a6] = journalHistory(6, a[0]!.aggregateId).slice(5);
    await publisher.publish([a6!]);
    await eventually('a v6 applied live', async () => (await versionsOf(a[0]!.aggregateId)).length === 6);
    expect(await projector.lag()).toBe(0);
  });
});
