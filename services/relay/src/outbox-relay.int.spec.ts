import { withTransaction } from '@mindflow/db';
import { appendToOutbox, loadOutboxCheckpoint, saveOutboxCheckpoint } from '@mindflow/event-log';
import { topicForAggregate } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { testServers, uniqueTopicPrefix } from '@mindflow/testing';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allArrived, checkPerAggregateOrder, collectEvents } from './test/kafka-events.js';
import { fillOutbox, journalHistory } from './test/sample-histories.js';
import { migrateOutbox, outboxDb, type TestOutboxDb } from './test/outbox-db.js';
import { pruneOutbox } from './outbox-pruner.js';
import { relayConfigSchema, type RelayConfig } from './relay-config.js';
import { startRelay, type RunningRelay } from './start-relay.js';

const log = createLogger('relay-test', 'silent');
let db: TestOutboxDb;
let config: RelayConfig;
const running: RunningRelay[] = [];

beforeAll(async () => {
  db = await outboxDb('relay');
  const brokers = await (await testServers()).kafkaBrokers();
  config = relayConfigSchema.parse({
    WRITE_DATABASE_URL: db.url,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('relay'),
    RELAY_BATCH_SIZE: '200',
    // Long on purpose: events must arrive because of NOTIFY, not because of the poll.
    RELAY_POLL_MS: '20000',
    RELAY_LOCK_RETRY_MS: '200',
  });
});
afterAll(async () => {
  for (const relay of running) await relay.close();
  await db?.drop();
});

async function relay(metrics = new Registry()) {
  const started = await startRelay(config, { log, metrics });
  running.push(started);
  return { started, metrics };
}

const publishedTotal = async (metrics: Registry) =>
  (await metrics.getSingleMetric('mindflow_relay_events_published_total')!.get()).values.reduce((sum, v) => sum + v.value, 0);

const leading = async (metrics: Registry) => (await metrics.getSingleMetric('mindflow_relay_leader')!.get()).values[0]?.value === 1;

describe('outbox relay', () => {
  let leader: Awaited<ReturnType<typeof relay>>;
  const journalTopic = () => topicForAggregate('journal', config.KAFKA_TOPIC_PREFIX);

  it('publishes every event to Kafka, keyed by aggregate, in per-aggregate order, and checkpoints after the acks', async () => {
    const events = await fillOutbox(db.pool, { aggregates: 50, versions: 40, perTransaction: 25 });
    const started = performance.now();
    leader = await relay();
    const received = await collectEvents(journalTopic(), allArrived(events.map((e) => e.eventId)));
    const seconds = (performance.now() - started) / 1000;
    console.info(`relay: ${events.length} events to Kafka and back in ${seconds.toFixed(2)} s (${Math.round(events.length / seconds)} events/s, consumer join included)`);

    expect(checkPerAggregateOrder(received, new Map(events.map((e) => [e.aggregateId, 40])))).toBe(0);
    const sample = received.find((r) => r.event.eventId === events[0]!.eventId)!;
    expect(sample.key).toBe(events[0]!.aggregateId);
    expect(sample.headers).toMatchObject({
      'event-type': 'JournalCreated', 'schema-version': '1', 'correlation-id': events[0]!.correlationId, 'aggregate-id': events[0]!.aggregateId,
    });
    expect(sample.event).toEqual({ ...events[0], source: 'command', position: null }); // the log's position is Kafka's offset

    const { rows } = await db.pool.query<{ tx_id: string; position: string }>('SELECT tx_id::text, position::text FROM outbox ORDER BY outbox.tx_id DESC, outbox.position DESC LIMIT 1');
    await expect.poll(() => loadOutboxCheckpoint(db.pool, 'kafka'), { timeout: 5_000 }).toEqual({ txId: rows[0]!.tx_id, position: rows[0]!.position });
    const published = await leader.metrics.getSingleMetric('mindflow_relay_events_published_total')!.get();
    expect(published.values.reduce((sum, v) => sum + v.value, 0)).toBe(events.length);
    expect((await leader.metrics.getSingleMetric('mindflow_relay_outbox_depth')!.get()).values[0]?.value).toBe(0);
  });

  it('wakes on commit (LISTEN outbox), well before its poll interval', async () => {
    const history = journalHistory(3);
    const before = await publishedTotal(leader.metrics);
    await withTransaction(db.pool, (tx) => appendToOutbox(tx, history));
    // Timed on the relay's own acks (the poll interval is 20 s); the check consumer, which re-reads the
    // whole topic and joins a group, may be slow on a busy machine without saying anything about the relay.
    await expect.poll(() => publishedTotal(leader.metrics), { timeout: 10_000, interval: 50 }).toBe(before + history.length);
    await collectEvents(journalTopic(), allArrived(history.map((e) => e.eventId)));
  });

  it('publishes rows whose NOTIFY came while an older transaction held them back, once it ends (not at the poll)', async () => {
    // An older open transaction (anywhere on the server) keeps new rows unreadable for gap-safety; their
    // notification has come and gone by the time it ends.
    const blocker = await db.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_current_xact_id()');
      const history = journalHistory(2);
      const published = await publishedTotal(leader.metrics);
      await withTransaction(db.pool, (tx) => appendToOutbox(tx, history));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const before = await publishedTotal(leader.metrics);
      expect(before).toBeLessThan(published + history.length); // held back until now
      await blocker.query('ROLLBACK');
      await expect.poll(() => publishedTotal(leader.metrics), { timeout: 10_000, interval: 50 }).toBe(published + history.length); // the poll is 20 s
      await collectEvents(journalTopic(), allArrived(history.map((e) => e.eventId)));
    } finally {
      blocker.release();
    }
  });

  it('keeps a second relay on hot standby, which takes over when the leader stops', async () => {
    const standby = await relay();
    await new Promise((resolve) => setTimeout(resolve, 600)); // a few lock attempts
    expect(await leading(leader.metrics)).toBe(true);
    expect(await leading(standby.metrics)).toBe(false);

    await leader.started.close();
    running.splice(running.indexOf(leader.started), 1);
    await expect.poll(() => leading(standby.metrics), { timeout: 10_000 }).toBe(true);
    const history = journalHistory(2);
    await withTransaction(db.pool, (tx) => appendToOutbox(tx, history));
    await collectEvents(journalTopic(), allArrived(history.map((e) => e.eventId)), 30_000);
  });
});

describe('outbox pruning', () => {
  it('deletes only rows that are published (at or before the checkpoint) and older than the retention', async () => {
    const pruneDb = await outboxDb('relay-prune');
    try {
      const events = await fillOutbox(pruneDb.pool, { aggregates: 4, versions: 10, perTransaction: 10 });
      const { rows } = await pruneDb.pool.query<{ tx_id: string; position: string }>(
        'SELECT tx_id::text, position::text FROM outbox ORDER BY tx_id, position');
      expect(rows).toHaveLength(events.length);
      await pruneDb.pool.query('UPDATE outbox SET occurred_at = now()'); // the sample histories have dates of their own
      // The relay delivered the first 25; of those, the first 15 are a week old.
      await saveOutboxCheckpoint(pruneDb.pool, 'kafka', { txId: rows[24]!.tx_id, position: rows[24]!.position });
      const old = rows.slice(0, 15).map((r) => r.position);
      await pruneDb.pool.query(`UPDATE outbox SET occurred_at = now() - interval '8 days' WHERE position = ANY($1::bigint[])`, [old]);
      // Unpublished rows that are just as old stay: they are not in Kafka yet.
      const unpublishedOld = rows.slice(30, 35).map((r) => r.position);
      await pruneDb.pool.query(`UPDATE outbox SET occurred_at = now() - interval '8 days' WHERE position = ANY($1::bigint[])`, [unpublishedOld]);

      const deleted = await pruneOutbox(pruneDb.pool, 'kafka', { retentionMs: 7 * 24 * 3_600_000, batchSize: 4 });
      expect(deleted).toBe(15);
      const left = await pruneDb.pool.query<{ position: string }>('SELECT position::text FROM outbox ORDER BY tx_id, position');
      expect(left.rows.map((r) => r.position)).toEqual(rows.slice(15).map((r) => r.position));
      expect(await pruneOutbox(pruneDb.pool, 'kafka', { retentionMs: 7 * 24 * 3_600_000 })).toBe(0);
      // No checkpoint for a reader: nothing is known to be delivered, nothing is deleted.
      expect(await pruneOutbox(pruneDb.pool, 'nobody', { retentionMs: 0 })).toBe(0);
    } finally {
      await pruneDb.drop();
    }
  });

  it('is done by the leading relay on its own, after publishing', async () => {
    const pruneDb = await outboxDb('relay-prune-live');
    const brokers = await (await testServers()).kafkaBrokers();
    const pruning = relayConfigSchema.parse({
      ...config,
      WRITE_DATABASE_URL: pruneDb.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('relay-prune'),
      OUTBOX_RETENTION_HOURS: '0.0001', // 0.36 s
      RELAY_PRUNE_EVERY_MS: '200',
      RELAY_POLL_MS: '200',
    });
    const started = await startRelay(pruning, { log });
    try {
      const events = await fillOutbox(pruneDb.pool, { aggregates: 3, versions: 5, perTransaction: 5 });
      const deadline = Date.now() + 20_000;
      let left = events.length;
      while (left > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        left = (await pruneDb.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n;
      }
      expect(left).toBe(0);
      expect(await loadOutboxCheckpoint(pruneDb.pool, 'kafka')).not.toBeNull();
    } finally {
      await started.close();
      await pruneDb.drop();
    }
  });
});

describe("the outbox's owner migrates it", () => {
  it('a relay started on a database without the outbox migrates nothing and waits, then publishes once the owner has migrated', async () => {
    const bare = await outboxDb('relay-unmigrated', { migrated: false });
    const brokers = await (await testServers()).kafkaBrokers();
    const waiting = relayConfigSchema.parse({ ...config, WRITE_DATABASE_URL: bare.url, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('relay-owner') });
    let started: RunningRelay | undefined;
    const starting = startRelay(waiting, { log, schemaRetryMs: 50 }).then((relay) => (started = relay));
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(started).toBeUndefined();
      const tables = await bare.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows[0]!.n).toBe(0); // not even schema_migrations

      await migrateOutbox(bare.pool);
      await starting;
      const history = journalHistory(2);
      await withTransaction(bare.pool, (tx) => appendToOutbox(tx, history));
      await collectEvents(topicForAggregate('journal', waiting.KAFKA_TOPIC_PREFIX), allArrived(history.map((e) => e.eventId)));
    } finally {
      await (await starting.catch(() => undefined))?.close();
      await bare.drop();
    }
  });
});
