// npx tsx tools/src/bench/projector-scale-out.ts [--instances 1,2,3] [--keys aggregate,owner] [--partitions 6] [--users 200] [--entries 12000] [--chunk 500]
// Issue 11, "Scale out": the query projection with 1, 2, 3 … instances in one consumer group on topics of
// `--partitions` partitions. Per instance count: fresh topics and read DB; the instances join the group first
// (and settle), then the events are published and the clock runs from the first send until every event is
// applied. Reports events/s per instance count, its ratio to one instance, and what each instance applied: the
// instances' applied counters must add up to the events (a duplicate is skipped, never applied) and the read model
// must hold every journal and entry with its entry count — nothing lost or applied twice across the rebalances.
// `--keys owner` publishes the same events keyed by their owner (userId) instead of the log's aggregate id: the A/B
// of keying by owner (measured, not adopted: docs/CONVENTIONS.md, Kafka) in one run.
// In one process (the instances share its event loop and the machine's two cores with Postgres and Kafka): what it
// shows is whether the projection's transactions run side by side, not what more machines would add.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createPool, type Pool } from '@mindflow/db';
import { allTopics } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { startQueryProjector, type RunningQueryProjector } from '@mindflow/query';
import { Kafka, logLevel } from 'kafkajs';
import { Registry } from 'prom-client';
import { waitUntil } from '../system/index.js';
import { byTopic, journalsAndEntries } from './events.js';
import { createTestDatabase, testServers, uniqueTopicPrefix } from './servers.js';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '1,2,3' },
    keys: { type: 'string', default: 'aggregate' },
    partitions: { type: 'string', default: '6' },
    users: { type: 'string', default: '200' },
    entries: { type: 'string', default: '12000' },
    chunk: { type: 'string', default: '500' },
  },
});
const counts = values.instances.split(',').map(Number);
const partitions = Number(values.partitions);
const users = Number(values.users);
const entries = Number(values.entries);
const chunk = Number(values.chunk);

const servers = await testServers();
const brokers = await servers.kafkaBrokers();
const kafka = new Kafka({ clientId: 'bench-scale-out', brokers, logLevel: logLevel.ERROR });
const log = createLogger('bench-scale-out', 'warn');
const rows: { keys: string; instances: number; eventsPerSecond: number; seconds: number; appliedPerInstance: number[]; duplicates: number; load: number }[] = [];

for (const keys of values.keys.split(',')) for (const instances of counts) {
  const workload = journalsAndEntries(users, entries);
  const prefix = uniqueTopicPrefix('bench-scale-out');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: allTopics(prefix).map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })) });
  await admin.disconnect();
  const db = await createTestDatabase('bench-scale-out');
  const probe = createPool(db.url, { applicationName: 'bench-scale-out-probe', max: 1 });
  const registries = Array.from({ length: instances }, () => new Registry());
  const running: RunningQueryProjector[] = [];
  try {
    // One at a time: the first migrates the read DB, the others find it migrated.
    for (const metrics of registries) {
      running.push(await startQueryProjector(
        { MINDFLOW_MODE: 'distributed', READ_DATABASE_URL: db.url, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix,
          QUERY_PROJECTOR_GROUP: `${prefix}.query-projector`, PROJECTOR_CHUNK_SIZE: chunk },
        { log, metrics },
      ));
    }
    await Promise.all(running.map((projector) => projector.ready()));
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the group settles on its last generation

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const started = performance.now();
    for (let i = 0; i < workload.events.length; i += 500) {
      const slice = workload.events.slice(i, i + 500);
      const topicMessages = byTopic(slice, prefix);
      if (keys === 'owner') {
        const ownerOf = new Map(slice.map((event) => [event.eventId, event.userId]));
        for (const group of topicMessages) group.messages = group.messages.map((m) => ({ ...m, key: ownerOf.get(String(m.headers?.['event-id'])) ?? m.key }));
      }
      await producer.sendBatch({ topicMessages, acks: -1 });
    }
    await producer.disconnect();
    await waitUntil(`${instances} instance(s) to apply ${workload.events.length} events`, async () => (await appliedVersions(probe)) >= workload.events.length, 300_000, 10);
    const seconds = (performance.now() - started) / 1000;

    const appliedPerInstance = await Promise.all(registries.map((registry) => counterOf(registry, 'mindflow_projector_events_applied_total')));
    const duplicates = (await Promise.all(registries.map((registry) => counterOf(registry, 'mindflow_projector_duplicates_skipped_total')))).reduce((a, b) => a + b, 0);
    const applied = appliedPerInstance.reduce((a, b) => a + b, 0);
    const model = await readModel(probe);
    if (applied !== workload.events.length) throw new Error(`${instances} instance(s) applied ${applied} events for ${workload.events.length} published`);
    if (model.journals !== workload.journals || model.entries !== workload.entries || model.counted !== workload.entries) {
      throw new Error(`read model ${JSON.stringify(model)} for ${workload.journals} journals and ${workload.entries} entries`);
    }
    const row = { keys, instances, eventsPerSecond: Math.round(workload.events.length / seconds), seconds: Number(seconds.toFixed(2)), appliedPerInstance, duplicates, load: Number(loadavg()[0]!.toFixed(1)) };
    rows.push(row);
    console.log(`[scale-out] keyed by ${keys}, ${instances} instance(s): ${row.eventsPerSecond} events/s (${row.seconds} s); applied per instance ${appliedPerInstance.join(' + ')} = ${applied}; duplicates skipped ${duplicates}; load ${row.load}`);
  } finally {
    await Promise.all(running.map((projector) => projector.close()));
    await probe.end();
    await db.drop();
  }
}

console.log('\n| keyed by | instances | events/s | ÷ one instance | applied per instance | duplicates skipped | load average |');
console.log('|---|--:|--:|--:|---|--:|--:|');
for (const row of rows) {
  const one = rows.find((other) => other.keys === row.keys && other.instances === 1)?.eventsPerSecond;
  console.log(`| ${row.keys} | ${row.instances} | ${row.eventsPerSecond} | ${one ? `×${(row.eventsPerSecond / one).toFixed(2)}` : '—'} | ${row.appliedPerInstance.join(' + ')} | ${row.duplicates} | ${row.load} |`);
}

async function appliedVersions(pool: Pool): Promise<number> {
  const { rows: found } = await pool.query<{ n: string | null }>(`SELECT sum(version) AS n FROM projection_versions WHERE projection = 'query'`).catch(() => ({ rows: [] as { n: string | null }[] }));
  return Number(found[0]?.n ?? 0);
}

async function counterOf(registry: Registry, name: string): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).reduce((sum, value) => sum + value.value, 0);
}

async function readModel(pool: Pool): Promise<{ journals: number; entries: number; counted: number }> {
  const { rows: found } = await pool.query<{ journals: number; entries: number; counted: number }>(
    `SELECT (SELECT count(*)::int FROM journals_view) AS journals, (SELECT count(*)::int FROM entries_view) AS entries,
            (SELECT coalesce(sum(entry_count), 0)::int FROM journals_view) AS counted`,
  );
  return found[0]!;
}
