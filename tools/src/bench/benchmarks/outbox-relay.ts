// 2. The outbox relay's events/s (committed outbox rows → Kafka, acknowledged, checkpointed) against raw
// kafkajs producing the same messages (same batch size, idempotent producer, acks = all) to a fresh topic.
import { commandMigrations } from '@mindflow/command';
import { relayConfigSchema, startRelay } from '@mindflow/relay';
import { appendToOutbox, loadOutboxCheckpoint } from '@mindflow/event-log';
import { createPool, migrate, withTransaction } from '@mindflow/db';
import { createLogger } from '@mindflow/platform';
import { allTopics } from '@mindflow/events';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Registry } from 'prom-client';
import { waitUntil } from '../../system/index.js';
import type { BenchContext } from '../context.js';
import { byTopic, journalsAndEntries } from '../events.js';
import { measurement, ratio, type BenchmarkOutcome } from '../result.js';
import { uniqueTopicPrefix } from '../servers.js';

export const name = 'relay';
export const title = 'outbox relay events/s vs raw kafkajs producer';
export const needsSystem = false;

export async function run(context: BenchContext): Promise<BenchmarkOutcome> {
  const settings = context.profile.relay;
  const brokers = await context.kafkaBrokers();
  const journals = Math.max(1, Math.round(settings.events / 400));
  const workload = () => journalsAndEntries(journals, settings.events - journals).events;

  // Baseline: raw kafkajs with exactly the relay's producer settings, to topics made as the relay makes them.
  const baselinePrefix = uniqueTopicPrefix('bench-raw-producer');
  const kafka = new Kafka({ clientId: 'bench-raw-producer', brokers, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: allTopics(baselinePrefix).map((topic) => ({ topic, numPartitions: settings.partitions, replicationFactor: 1 })) });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  context.defer(() => producer.disconnect());

  // The relay, started on an empty outbox (topics created, producer connected, leading) before any row commits.
  const db = await context.database('relay');
  const pool = createPool(db.url, { applicationName: 'bench-relay', max: 2 });
  context.defer(() => pool.end());
  await migrate(pool, 'command', await commandMigrations()); // the command service's part: the relay migrates nothing
  const metrics = new Registry();
  const relay = await startRelay(
    relayConfigSchema.parse({
      WRITE_DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('bench-relay'),
      KAFKA_TOPIC_PARTITIONS: String(settings.partitions),
      RELAY_BATCH_SIZE: String(settings.batchSize),
    }),
    { log: createLogger('bench-relay', 'warn'), metrics },
  );
  context.defer(() => relay.close());
  await waitUntil('the relay to lead', async () => (await metrics.getSingleMetric('mindflow_relay_leader')!.get()).values[0]?.value === 1, 30_000, 20);
  const publishedCount = async () => (await metrics.getSingleMetric('mindflow_relay_events_published_total')!.get()).values.reduce((sum, v) => sum + v.value, 0);

  const raw = { events: 0, seconds: 0 };
  const relayed = { events: 0, seconds: 0, missing: 0 };
  for (let round = 0; round < settings.rounds; round++) {
    const rawEvents = workload();
    const rawStarted = performance.now();
    for (let i = 0; i < rawEvents.length; i += settings.batchSize) {
      await producer.sendBatch({ topicMessages: byTopic(rawEvents.slice(i, i + settings.batchSize), baselinePrefix), acks: -1 });
    }
    raw.seconds += (performance.now() - rawStarted) / 1000;
    raw.events += rawEvents.length;

    // Every row of the round in one transaction: they become readable at one instant, the relay's clock starts there.
    const events = workload();
    const publishedBefore = await publishedCount();
    await withTransaction(pool, async (tx) => {
      for (let i = 0; i < events.length; i += 2_000) await appendToOutbox(tx, events.slice(i, i + 2_000));
    });
    const committed = performance.now();
    const { rows } = await pool.query<{ position: string }>('SELECT max(position)::text AS position FROM outbox');
    const last = rows[0]!.position;
    await waitUntil('the relay to publish the whole outbox', async () => (await loadOutboxCheckpoint(pool, 'kafka'))?.position === last, 120_000, 5);
    relayed.seconds += (performance.now() - committed) / 1000;
    // The relay counts a batch just after checkpointing it.
    await waitUntil('the relay to count every event', async () => (await publishedCount()) - publishedBefore >= events.length, 5_000, 5).catch(() => undefined);
    const published = (await publishedCount()) - publishedBefore;
    relayed.events += published;
    relayed.missing += Math.abs(events.length - published);
  }

  const baseline = measurement('raw kafkajs producer', 'baseline', 'events/s', { operations: raw.events, errors: 0, seconds: raw.seconds, perSecond: raw.events / raw.seconds });
  const subject = measurement('outbox relay', 'subject', 'events/s', {
    operations: relayed.events, errors: relayed.missing, ...(relayed.missing ? { firstError: `published ${relayed.events} events, expected ${settings.rounds * settings.events}` } : {}),
    seconds: relayed.seconds, perSecond: relayed.events / relayed.seconds,
  });
  context.log(`relay: ${subject.perSecond} events/s; raw producer ${baseline.perSecond} events/s`);
  return {
    measurements: [baseline, subject],
    ratios: [ratio(subject, baseline, { throughput: true })],
    notes: [
      `${settings.rounds} rounds taking turns (raw producer, relay), ${settings.events} events each (JournalCreated, JournalEntryCreated), in ${settings.batchSize}-event batches to ${settings.partitions}-partition topics keyed by aggregate id`,
      'both: idempotent producer, one request in flight, acks = all, each batch acknowledged before the next is sent',
      'relay clock: from the commit of a round\'s rows (one transaction, one NOTIFY) to its checkpoint reaching the last row; start-up excluded',
      'the relay also reads each batch from the outbox in commit order (gap-safe), validates every event against its contract, and writes its checkpoint per batch; both run in the bench process',
    ],
  };
}
