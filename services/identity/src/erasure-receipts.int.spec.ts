// Identity reads the services' UserDataErased from the event log (embedded: a write DB's outbox; distributed:
// Kafka) and the saga completes the erasure: real Postgres, real Kafka, the real identity service.
import { randomUUID } from 'node:crypto';
import { createPool } from '@mindflow/db';
import { appendToOutbox, outboxMigrations } from '@mindflow/event-log';
import { erasureReceiptId, newEvent, toKafkaMessage, topicFor, type AnyEvent, type ErasingService } from '@mindflow/events';
import { migrate } from '@mindflow/db';
import { createTestDatabase, createTestKafka, createTestTopics, testServers, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
import type { Mode } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runErasureRound } from './application/erasure-saga.js';
import type { DataKeys } from './application/ports/data-keys.js';
import { minutes } from './test/test-clock.js';
import { operations as op, startIdentityUnderTest, SubgraphClient, type IdentityUnderTest, type SignedIn } from './test/identity-under-test.js';

const password = 'correct horse battery staple';
const services: ErasingService[] = ['command', 'query'];
const keys: DataKeys = { destroy: () => Promise.resolve() };

function acknowledgement(userId: string, service: ErasingService, attempt: number): AnyEvent {
  const id = erasureReceiptId(userId, service, attempt);
  const at = new Date().toISOString();
  return newEvent('UserDataErased', {
    eventId: id, occurredAt: at, source: `${service}-test`, correlationId: randomUUID(), causationId: null,
    userId, aggregateId: id, aggregateVersion: 1, payload: { userId, service, attempt, erasedAt: at, erased: { rows: 1 } },
  });
}

/** Where a test's acknowledgements go: the embedded log (a write DB's outbox) or Kafka topics, as the relays put them. */
interface Log {
  readonly env: Record<string, string>;
  publish(events: readonly AnyEvent[]): Promise<void>;
  close(): Promise<void>;
}

async function embeddedLog(): Promise<Log> {
  const write: TestDatabase = await createTestDatabase('identity_receipts_write');
  const pool = createPool(write.url, { applicationName: 'identity-receipts-test', max: 2 });
  await migrate(pool, 'command', outboxMigrations);
  return {
    env: { WRITE_DATABASE_URL: write.url },
    async publish(events) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await appendToOutbox(client, events, { copied: true });
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
      await write.drop();
    },
  };
}

async function kafkaLog(): Promise<Log> {
  const brokers = await (await testServers()).kafkaBrokers();
  const prefix = uniqueTopicPrefix('identity-receipts');
  const topic = topicFor('UserDataErased', prefix);
  await createTestTopics([topic], { partitions: 2 });
  const producer = (await createTestKafka('identity-receipts-test')).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return {
    env: { KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix },
    async publish(events) {
      await producer.send({ topic, acks: -1, messages: events.map(toKafkaMessage) });
    },
    close: () => producer.disconnect(),
  };
}

describe.each<Mode>(['embedded', 'distributed'])('erasure acknowledgements read from the event log (%s mode)', (mode) => {
  let identity: IdentityUnderTest;
  let log: Log;

  beforeAll(async () => {
    log = mode === 'embedded' ? await embeddedLog() : await kafkaLog();
    identity = await startIdentityUnderTest(
      mode,
      `receipts-${mode}`,
      { IDENTITY_ERASURE_RECEIPTS: 'true', IDENTITY_ERASURE_SERVICES: services.join(','), IDENTITY_ERASURE_RETRY_SECONDS: '600', ...log.env },
      { dataKeys: keys },
    );
  });
  afterAll(async () => {
    await identity?.stop();
    await log?.close();
  });

  async function erased() {
    const session = new SubgraphClient(identity);
    const { register } = await session.data<{ register: SignedIn }>(op.register, { email: `receipts-${randomUUID().slice(0, 8)}@example.com`, password });
    session.accessToken = register.accessToken;
    expect(await session.data(op.deleteAccount, { password })).toEqual({ deleteAccount: true });
    return register.user.id;
  }
  const requests = async (userId: string) =>
    (await identity.service.environment.pool.query<{ attempt: number }>(
      `SELECT (payload->>'attempt')::int AS attempt FROM outbox WHERE aggregate_id = $1 AND event_type = 'UserErasureRequested' ORDER BY aggregate_version`,
      [userId],
    )).rows.map((row) => row.attempt);
  const erasureOf = (userId: string) => identity.service.environment.store.erasures.find(userId);

  it('completes an erasure once every awaited service acknowledged on the log, redeliveries counted once; never asks again', async () => {
    const userId = await erased();
    const other = await erased();
    await log.publish([acknowledgement(userId, 'command', 1)]);
    await expect.poll(async () => (await erasureOf(userId))?.receipts.find((r) => r.service === 'command')?.acknowledgedAt ?? null, { timeout: 30_000, interval: 100 }).toEqual(expect.any(Date));
    expect((await erasureOf(userId))?.completedAt).toBeNull();

    await log.publish([acknowledgement(userId, 'query', 1), acknowledgement(userId, 'command', 1)]);
    await expect.poll(async () => (await erasureOf(userId))?.completedAt ?? null, { timeout: 30_000, interval: 100 }).toEqual(expect.any(Date));
    expect((await erasureOf(userId))?.receipts.map((r) => [r.service, r.attempt, r.erased])).toEqual([['command', 1, { rows: 1 }], ['query', 1, { rows: 1 }]]);

    // Much later: the complete erasure is never requested again; the silent one is, once per (growing) wait.
    identity.clock.advance(minutes(11));
    await runErasureRound(identity.service.environment);
    expect(await requests(userId)).toEqual([1]);
    expect(await requests(other)).toEqual([1, 2]);
    identity.clock.advance(minutes(11)); // attempt 2 waits 20 minutes, not 10
    await runErasureRound(identity.service.environment);
    expect(await requests(other)).toEqual([1, 2]);
    identity.clock.advance(minutes(10));
    await runErasureRound(identity.service.environment);
    expect(await requests(other)).toEqual([1, 2, 3]);

    // The retry's acknowledgement (attempt 3, the only services still missing) completes it too.
    await log.publish([acknowledgement(other, 'command', 3), acknowledgement(other, 'query', 3)]);
    await expect.poll(async () => (await erasureOf(other))?.completedAt ?? null, { timeout: 30_000, interval: 100 }).toEqual(expect.any(Date));
    identity.clock.advance(minutes(24 * 60));
    await runErasureRound(identity.service.environment);
    expect(await requests(other)).toEqual([1, 2, 3]);
  });
});
