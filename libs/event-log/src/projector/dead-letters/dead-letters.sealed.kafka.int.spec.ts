import { randomUUID } from 'node:crypto';
import { isSealed, openStoredEvent, sealEvent, type AnyEvent } from '@mindflow/events';
import { migrate } from '@mindflow/db';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaPublisher } from '../../../test/kafka-publisher.js';
import { journalHistory } from '../../../test/test-events.js';
import { eventually, testDatabase, testKafkaBrokers, uniquePrefix, type TestDatabase } from '../../../test/test-servers.js';
import type { EventLog } from '../../event-log.js';
import { createKafkaEventLog, deadLetterTopic } from '../../kafka/kafka-event-log.js';
import { keyStoreMigrations, MasterKeyWrapper, PgKeyStore } from '../../keys/index.js';
import type { ReadModel } from '../projection-handlers.js';
import { runProjector, type Projector } from '../run-projector.js';
import { redriveDeadLetters } from './redrive.js';

// Issue 16: the DLQ topic keeps what it gets forever, so a parked event goes there sealed with its owner's key (as
// the log held it), never as the projector opened it; a redrive still re-applies it from the read DB.

const log = createLogger('dead-letters-sealed-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
const prefix = uniquePrefix('dlqsealed');
let readDb: TestDatabase;
let keys: PgKeyStore;
let publisher: KafkaPublisher;
let eventLog: EventLog;
let projector: Projector | undefined;
const broken = new Set<string>();
const applied: string[] = [];

const effects: ReadModel = {
  name: 'effects',
  handlers: {
    JournalCreated: (event) => {
      if (broken.has(event.eventId)) return Promise.reject(new Error('handler bug'));
      applied.push(event.payload.name);
      return Promise.resolve();
    },
  },
};

beforeAll(async () => {
  const brokers = await testKafkaBrokers();
  readDb = await testDatabase('dlqsealed');
  await readDb.pool.query('CREATE TABLE projection_versions (projection text, aggregate_id uuid, version int NOT NULL, PRIMARY KEY (projection, aggregate_id))');
  await migrate(readDb.pool, 'keys', keyStoreMigrations);
  keys = new PgKeyStore(readDb.pool, new MasterKeyWrapper(Buffer.alloc(32, 5)));
  publisher = new KafkaPublisher(brokers, prefix);
  await publisher.connect(1, ['JournalCreated']);
  eventLog = createKafkaEventLog({ brokers, topicPrefix: prefix, log, topicPartitions: 1, sessionTimeoutMs: 10_000, backoff: { initialMs: 20, maxMs: 100 }, keys });
});
afterAll(async () => {
  await projector?.stop();
  await eventLog?.close();
  await publisher?.close();
  await readDb?.drop();
});

describe('dead letters of sealed events on Kafka', () => {
  it('publishes a parked event to the DLQ topic sealed (no word of the user), openable with the key; redrive applies it', async () => {
    const marker = `dlqmarker${randomUUID().slice(0, 8)}`;
    const [created] = journalHistory(1);
    const event = { ...created!, payload: { ...created!.payload, name: `Diary of ${marker}` } } as AnyEvent;
    broken.add(event.eventId);
    applied.length = 0;
    const projection = `effects${randomUUID().slice(0, 8)}`; // each attempt its own
    projector = await runProjector({ name: projection, group: `${prefix}.${projection}`, eventLog, readPool: readDb.pool, readModels: [effects], log, maxAttempts: 2 });
    await projector.ready();
    const sealed = (await sealEvent(event, keys)) as AnyEvent;
    // the topic was just created: its partition's leader may not be known at once
    await eventually('published', () => publisher.publish([sealed]).then(() => true, () => false));

    // parked in the read DB, then published to the DLQ topic
    await eventually('parked', async () => (await readDb.pool.query('SELECT 1 FROM dead_letters WHERE projection = $1', [projection])).rowCount === 1);
    const [message] = await publisher.readTopic(deadLetterTopic(prefix, projection), 1);
    expect(message!.headers?.['dead-letter-reason']?.toString()).toBe('poison');
    const text = message!.value!.toString();
    expect(text).not.toContain(marker);
    const stored = JSON.parse(text) as AnyEvent;
    expect(isSealed(stored.payload)).toBe(true);
    expect(((await openStoredEvent(stored, keys)) as AnyEvent).payload).toMatchObject({ name: `Diary of ${marker}` });

    // the read DB's letter (erased with the user's rows, issue 16) still redrives once the handler is fixed
    broken.clear();
    await projector.stop();
    projector = undefined;
    const report = await redriveDeadLetters({ projection, readPool: readDb.pool, readModels: [effects], log });
    expect(report).toMatchObject({ applied: 1, stillParked: 0 });
    expect(applied).toEqual([`Diary of ${marker}`]);
  });

  it('publishes no event body for an owner erased before the park (the headers still say what was parked)', async () => {
    const [created] = journalHistory(1);
    const event = created!;
    broken.add(event.eventId);
    const sealed = (await sealEvent(event, keys)) as AnyEvent;
    await keys.destroy(event.userId);
    const projection = `erased${randomUUID().slice(0, 8)}`;
    await eventLog.publishDeadLetters?.(projection, [
      { reason: 'poison', aggregateId: event.aggregateId, aggregateVersion: 1, eventType: event.eventType, eventId: event.eventId, event: { ...event }, raw: null, position: null, error: 'x', attempts: 1 },
    ]);
    const [message] = await publisher.readTopic(deadLetterTopic(prefix, projection), 1);
    expect(message!.headers?.['dead-letter-erased']?.toString()).toBe('true');
    expect(message!.headers?.['event-id']?.toString()).toBe(event.eventId);
    expect(message!.value).toBeNull();
    expect(isSealed(sealed.payload)).toBe(true);
  });
});
