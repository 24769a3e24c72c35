import { randomUUID } from 'node:crypto';
import { migrate, withTransaction } from '@mindflow/db';
import { CachedKeyStore, ERASED, isErased, toKafkaMessage, type AnyEvent, type KeyStore } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaPublisher } from '../../test/kafka-publisher.js';
import { eventually, testDatabase, testKafkaBrokers, uniquePrefix, type TestDatabase } from '../../test/test-servers.js';
import type { EventBatch, EventLog } from '../event-log.js';
import { createEmbeddedEventLog } from '../embedded/embedded-event-log.js';
import { createKafkaEventLog } from '../kafka/kafka-event-log.js';
import { appendToOutbox, outboxMigrations, storedEventFromOutboxRow } from '../outbox/index.js';
import { outboxColumns, outboxRowFrom } from '../outbox/outbox-row.js';
import { keyStoreMigrations, MasterKeyWrapper, PgKeyStore } from './index.js';

// Crypto-shredding through both event logs: producers append plain events, the outbox and Kafka hold their personal
// fields sealed, consumers get them plain, and after the owner's key is destroyed they get them erased.
const log = createLogger('sealed-events-test', 'silent');
const marker = `Zanzibar${randomUUID().slice(0, 8)}`;
let writeDb: TestDatabase;
let readDb: TestDatabase;
let keys: KeyStore;

beforeAll(async () => {
  [writeDb, readDb] = await Promise.all([testDatabase('sealed_outbox'), testDatabase('sealed_ckpt')]);
  await migrate(writeDb.pool, 'command', outboxMigrations);
  await migrate(writeDb.pool, 'keys', keyStoreMigrations);
  keys = new PgKeyStore(writeDb.pool, new MasterKeyWrapper(Buffer.alloc(32, 7)));
});
afterAll(async () => Promise.all([writeDb?.drop(), readDb?.drop()]));

function story(userId: string): AnyEvent[] {
  const thoughtId = randomUUID();
  return [
    sampleEvent('ThoughtCaptured', { source: 'command', userId, eventId: randomUUID(), aggregateId: thoughtId, payload: { thoughtId, text: `My secret word is ${marker}`, tags: [marker.toLowerCase()], capturedAt: '2026-01-02T03:04:05.000Z' } }),
    sampleEvent('ThoughtDeleted', { source: 'command', userId, eventId: randomUUID(), aggregateId: thoughtId, aggregateVersion: 2, payload: { thoughtId, deletedAt: '2026-01-02T03:04:06.000Z' } }),
  ];
}

function collect() {
  const seen: AnyEvent[] = [];
  return {
    seen,
    handle: (batch: EventBatch) => {
      seen.push(...batch.events);
      batch.done(batch.events.length - 1);
      return Promise.resolve();
    },
  };
}

async function readAll(eventLog: EventLog, group: string, count: number): Promise<AnyEvent[]> {
  const reader = collect();
  const subscription = await eventLog.subscribe({ group, eventTypes: ['ThoughtCaptured'], fromBeginning: true, handle: reader.handle });
  try {
    await eventually(`${count} events for ${group}`, () => reader.seen.length >= count);
    return reader.seen;
  } finally {
    await subscription.stop();
  }
}

describe('sealed events in the embedded log', () => {
  it('stores no personal word, hands it plain to consumers, erased once the key is gone', async () => {
    const user = randomUUID();
    const events = story(user);
    await withTransaction(writeDb.pool, (tx) => appendToOutbox(tx, events, { keys }));
    const { rows } = await writeDb.pool.query<{ raw: string }>('SELECT o::text AS raw FROM outbox o WHERE user_id = $1', [user]);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.raw).join('\n')).not.toMatch(new RegExp(marker, 'i'));

    const cache = new CachedKeyStore(keys); // destroyed through it: this process sees it at once (others: NOTIFY, or the TTL)
    const eventLog = createEmbeddedEventLog({ writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url, log, pollMs: 200, lockRetryMs: 200, keys: cache });
    try {
      const plain = (await readAll(eventLog, `plain-${user}`, 2)).filter((e) => e.userId === user);
      expect(plain.map((e) => ({ ...e, position: null }))).toEqual(events);
      await cache.destroy(user);
      const erased = (await readAll(eventLog, `erased-${user}`, 2)).filter((e) => e.userId === user);
      expect(erased[0]!.payload).toEqual({ ...events[0]!.payload, text: ERASED, tags: [] });
      expect(isErased(erased[0]!)).toBe(true);
      expect(JSON.stringify(erased)).not.toMatch(new RegExp(marker, 'i'));
      expect(erased[1]!.payload).toEqual(events[1]!.payload); // nothing personal in it: as it was
    } finally {
      await eventLog.close();
    }
  });

  it('retries (never parks) a sealed event whose key store has no key for it', async () => {
    const user = randomUUID();
    await withTransaction(writeDb.pool, (tx) => appendToOutbox(tx, story(user), { keys }));
    const parked: unknown[] = [];
    const otherStore = new PgKeyStore(readDb.pool, new MasterKeyWrapper(Buffer.alloc(32, 7)));
    await migrate(readDb.pool, 'keys', keyStoreMigrations);
    const eventLog = createEmbeddedEventLog({ writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url, log, pollMs: 200, lockRetryMs: 200, backoff: { initialMs: 20, maxMs: 50 }, keys: otherStore });
    try {
      const reader = collect();
      const subscription = await eventLog.subscribe({
        group: `wrong-store-${user}`, eventTypes: ['ThoughtCaptured'], fromBeginning: true, handle: reader.handle,
        unreadable: { maxAttempts: 2, park: (message) => Promise.resolve(void parked.push(message)) },
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await subscription.stop();
      expect(parked).toEqual([]);
      expect(reader.seen).toEqual([]);
    } finally {
      await eventLog.close();
    }
  });

  it('retries (never parks) a sealed event read by a log with no key store (KeyMissingError at parse), delivers it once keys come', async () => {
    const user = randomUUID();
    await withTransaction(writeDb.pool, (tx) => appendToOutbox(tx, story(user), { keys }));
    const parked: unknown[] = [];
    const options = { writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url, log, pollMs: 200, lockRetryMs: 200, backoff: { initialMs: 20, maxMs: 50 } };
    const group = `no-store-${user}`;
    const subscribe = (eventLog: EventLog, reader: ReturnType<typeof collect>) =>
      eventLog.subscribe({ group, eventTypes: ['ThoughtCaptured'], fromBeginning: true, handle: reader.handle, unreadable: { maxAttempts: 2, park: (message) => Promise.resolve(void parked.push(message)) } });
    const blind = createEmbeddedEventLog(options);
    try {
      const reader = collect();
      const subscription = await subscribe(blind, reader);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await subscription.stop();
      expect(parked).toEqual([]);
      expect(reader.seen.filter((e) => e.userId === user)).toEqual([]);
    } finally {
      await blind.close();
    }
    const keyed = createEmbeddedEventLog({ ...options, keys });
    try {
      const reader = collect();
      const subscription = await subscribe(keyed, reader);
      try {
        await eventually('the sealed events, opened', () => reader.seen.filter((e) => e.userId === user).length === 2);
      } finally {
        await subscription.stop();
      }
      expect(parked).toEqual([]);
    } finally {
      await keyed.close();
    }
  });

  it('copies stored rows as they are (the relay outbox target): sealed once, opened with the same key', async () => {
    const user = randomUUID();
    await withTransaction(writeDb.pool, (tx) => appendToOutbox(tx, story(user), { keys }));
    const { rows } = await writeDb.pool.query(`SELECT ${outboxColumns} FROM outbox WHERE user_id = $1 ORDER BY outbox.position`, [user]); // qualified: the bare name is the text output column ("10" before "9")
    const stored = rows.map((row) => storedEventFromOutboxRow(outboxRowFrom(row), 'identity'));
    const target = await testDatabase('sealed_copy');
    try {
      await migrate(target.pool, 'command', outboxMigrations);
      await withTransaction(target.pool, (tx) => appendToOutbox(tx, stored, { copied: true, keys }));
      const copied = await target.pool.query<{ payload: unknown }>('SELECT payload FROM outbox ORDER BY position');
      expect(copied.rows.map((r) => r.payload)).toEqual(rows.map((r) => (r as { payload: unknown }).payload));
    } finally {
      await target.drop();
    }
  });
});

describe('sealed events on Kafka', () => {
  it('opens what the relay published, erases after destroy', async () => {
    const brokers = await testKafkaBrokers();
    const prefix = uniquePrefix('sealed');
    const publisher = new KafkaPublisher(brokers, prefix);
    await publisher.connect(2, ['ThoughtCaptured']);
    const user = randomUUID();
    const events = story(user);
    // What the relay sends: the outbox rows as stored, personal fields sealed.
    await withTransaction(writeDb.pool, (tx) => appendToOutbox(tx, events, { keys }));
    const { rows } = await writeDb.pool.query(`SELECT ${outboxColumns} FROM outbox WHERE user_id = $1 ORDER BY outbox.position`, [user]); // qualified: the bare name is the text output column ("10" before "9")
    const stored = rows.map((row) => storedEventFromOutboxRow(outboxRowFrom(row), 'command'));
    expect(stored.map((e) => toKafkaMessage(e).value).join('\n')).not.toMatch(new RegExp(marker, 'i'));
    await publisher.publish(stored);
    const cache = new CachedKeyStore(keys);
    const eventLog = createKafkaEventLog({ brokers, topicPrefix: prefix, log, sessionTimeoutMs: 6_000, keys: cache });
    try {
      const plain = await readAll(eventLog, `${prefix}.plain`, 2);
      expect(plain.map((e) => e.payload)).toEqual(events.map((e) => e.payload));
      await cache.destroy(user);
      const erased = await readAll(eventLog, `${prefix}.erased`, 2);
      expect(erased[0]!.payload).toMatchObject({ text: ERASED, tags: [] });
      expect(isErased(erased[0]!)).toBe(true);
    } finally {
      await eventLog.close();
      await publisher.close();
    }
  }, 90_000);
});
