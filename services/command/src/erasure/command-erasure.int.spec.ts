// Erasure in the command service (issue 16): the real command service on a real write DB, UserErasureRequested on
// its embedded event log (the write DB's outbox), and for the distributed path the same on real Kafka.
import { randomUUID } from 'node:crypto';
import { appendToOutbox } from '@mindflow/event-log';
import { toKafkaMessage, topicFor, type AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { createLogger, type Mode } from '@mindflow/platform';
import { createCommandClient, type CommandClient } from '@mindflow/proto';
import { createTestKafka, createTestTopics, testServers, uniqueTopicPrefix } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandOwnedTables, commandUserTables } from '../adapters/pg/user-erasure.js';
import { commandConfigSchema } from '../command-config.js';
import { startCommandService, type RunningCommandService } from '../command-service.js';
import { countRows, migratedWriteDb, type TestWriteDb } from '../test/write-db.js';

const log = createLogger('command-erasure-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

describe.each<Mode>(['embedded', 'distributed'])('erasure in the command write DB (%s mode)', (mode) => {
  let db: TestWriteDb;
  let service: RunningCommandService;
  let client: CommandClient;
  let publish: (events: readonly AnyEvent[]) => Promise<void>;
  let closeLog = async () => {};

  beforeAll(async () => {
    db = await migratedWriteDb(`command_erasure_${mode}`);
    let kafka: Record<string, string> = {};
    if (mode === 'distributed') {
      const prefix = uniqueTopicPrefix('command-erasure');
      const topic = topicFor('UserErasureRequested', prefix);
      await createTestTopics([topic], { partitions: 2 });
      const producer = (await createTestKafka('command-erasure-test')).producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      publish = async (events) => void (await producer.send({ topic, acks: -1, messages: events.map(toKafkaMessage) }));
      closeLog = () => producer.disconnect();
      kafka = { KAFKA_BROKERS: (await (await testServers()).kafkaBrokers()).join(','), KAFKA_TOPIC_PREFIX: prefix };
    } else {
      publish = async (events) => {
        const tx = await db.pool.connect();
        try {
          await tx.query('BEGIN');
          await appendToOutbox(tx, events, { copied: true });
          await tx.query('COMMIT');
        } finally {
          tx.release();
        }
      };
    }
    service = await startCommandService(
      commandConfigSchema.parse({ MINDFLOW_MODE: mode, WRITE_DATABASE_URL: db.url, COMMAND_GRPC_ADDRESS: '127.0.0.1:0', LOG_LEVEL: 'silent', ...kafka }),
      { log },
    );
    client = createCommandClient(service.address, { defaultTimeoutMs: 10_000 });
  });
  afterAll(async () => {
    client?.close();
    await service?.close();
    await closeLog();
    await db?.drop();
  });

  async function lifeOf(userId: string) {
    const { journal } = await client.createJournal({ input: { name: 'Walks', color: '#ABCDEF', isPrivate: true } }, { userId });
    await client.createEntry({ input: { journalId: journal!.id, title: 'Cliffs', content: 'zanzibar cliffs', tags: ['sea'] }, idempotencyKey: randomUUID() }, { userId });
    await client.captureThought({ text: 'zanzibar figs', tags: ['Garden'], idempotencyKey: randomUUID() }, { userId });
    await client.createTask({ input: { title: 'zanzibar tulips', date: '2030-10-05', priority: 'HIGH' as const, recurrence: 'FREQ=YEARLY' }, idempotencyKey: randomUUID() }, { userId });
    await client.scheduleEvent({ input: { title: 'zanzibar dentist', startsAt: '2030-02-01T09:00:00+01:00', endsAt: '2030-02-01T09:30:00+01:00', recurrence: 'FREQ=MONTHLY' } }, { userId });
  }
  async function rowsOf(userId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of commandOwnedTables) counts[table] = await countRows(db.pool, table, 'owner_id = $1', [userId]);
    for (const table of commandUserTables) counts[table] = await countRows(db.pool, table, 'user_id = $1', [userId]);
    return counts;
  }
  const acknowledgements = async (userId: string) =>
    (await db.pool.query<{ payload: { service: string; attempt: number; erased: Record<string, number> } }>(
      `SELECT payload FROM outbox WHERE event_type = 'UserDataErased' AND user_id = $1 ORDER BY (payload->>'attempt')::int`,
      [userId],
    )).rows.map((row) => row.payload);
  // The user stream as this log holds it: the erasure requests are the user aggregate's only events here.
  const erasureRequested = (userId: string, attempt: number): AnyEvent => ({
    ...sampleEvent('UserErasureRequested', { payload: { ...samplePayloads.UserErasureRequested, userId, attempt, services: ['command'] } }),
    eventId: randomUUID(), userId, aggregateId: userId, aggregateVersion: attempt,
  });

  it('names every write-DB table that holds rows of a user (a new one must join the lists)', async () => {
    const { rows } = await db.pool.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name IN ('owner_id', 'user_id')
         AND table_name NOT IN ('outbox', 'erased_users', 'user_data_keys') ORDER BY 1`,
    );
    expect(rows.filter((r) => r.column_name === 'owner_id').map((r) => r.table_name).sort()).toEqual([...commandOwnedTables].sort());
    expect(rows.filter((r) => r.column_name === 'user_id').map((r) => r.table_name).sort()).toEqual([...commandUserTables].sort());
  });

  it('erases every row of the user, nobody else, acknowledges in its outbox, keeps the outbox history, and a redelivery brings nothing back', async () => {
    const [erased, other] = [randomUUID(), randomUUID()];
    await lifeOf(erased);
    await lifeOf(other);
    const othersBefore = await rowsOf(other);
    expect(Object.values(await rowsOf(erased)).every((n) => n > 0)).toBe(true);
    const historyBefore = await countRows(db.pool, 'outbox', `user_id = $1 AND event_type NOT IN ('UserDataErased', 'UserErasureRequested')`, [erased]);

    await publish([erasureRequested(erased, 1)]);
    await expect.poll(() => acknowledgements(erased), { timeout: 30_000, interval: 100 }).toHaveLength(1);
    expect(await rowsOf(erased)).toEqual(Object.fromEntries([...commandOwnedTables, ...commandUserTables].map((t) => [t, 0])));
    expect((await acknowledgements(erased))[0]).toMatchObject({ service: 'command', attempt: 1, erased: { entries: 1, journals: 1, thoughts: 1, tasks: 1, calendar_events: 1 } });
    expect(await rowsOf(other)).toEqual(othersBefore);
    expect(await acknowledgements(other)).toEqual([]);
    // The outbox's history stays (sealed; the key is destroyed by identity), the tags and recurrences went with their rows.
    expect(await countRows(db.pool, 'outbox', `user_id = $1 AND event_type NOT IN ('UserDataErased', 'UserErasureRequested')`, [erased])).toBe(historyBefore);
    expect(await countRows(db.pool, 'entry_tags t JOIN entries e ON e.id = t.entry_id', 'e.owner_id = $1', [erased])).toBe(0);

    // A retry (attempt 2) finds nothing and acknowledges again; the same request redelivered is one receipt.
    const retry = erasureRequested(erased, 2);
    await publish([retry, retry]);
    await expect.poll(async () => (await acknowledgements(erased)).map((a) => a.attempt), { timeout: 30_000, interval: 100 }).toEqual([1, 2]);
    expect((await acknowledgements(erased))[1]).toMatchObject({ erased: { entries: 0, journals: 0 } });
    expect(await rowsOf(other)).toEqual(othersBefore);
  });
});
