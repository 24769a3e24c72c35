import { createPool, type Pool } from '@mindflow/db';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, testServers, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startQueryProjector, type RunningQueryProjector } from './start-query-projector.js';
import { journalScenario } from './test/journal-scenario.js';
import { KafkaPublisher } from './test/kafka-publisher.js';
import { whenApplied } from './test/progress.js';
import { expectedReadModel, readModelSnapshot } from './test/read-model-snapshot.js';

// The query projector on real Kafka and a real read DB: exact read models through duplicates,
// restarts and a second group member. Each test has its own topics, group and database.

const log = createLogger('query-projector-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setting(label: string) {
  const brokers = await (await testServers()).kafkaBrokers();
  const prefix = uniqueTopicPrefix(label);
  const readDb: TestDatabase = await createTestDatabase(`query_${label}`);
  const publisher = await KafkaPublisher.connect(prefix);
  const pool: Pool = createPool(readDb.url, { applicationName: 'query-projector-test', max: 2 });
  cleanups.push(() => readDb.drop(), () => pool.end(), () => publisher.close());
  const start = async (metrics = new Registry()) => {
    const projector = await startQueryProjector(
      { MINDFLOW_MODE: 'distributed', READ_DATABASE_URL: readDb.url, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix },
      { log, metrics },
    );
    cleanups.push(() => projector.close());
    return projector;
  };
  return { publisher, pool, start };
}

const total = async (metrics: Registry, name: string) =>
  (await metrics.getSingleMetric(name)!.get()).values.reduce((sum, v) => sum + v.value, 0);

describe('query projector on Kafka', () => {
  it('builds the exact read model, and the same events delivered again change nothing', async () => {
    const { publisher, pool, start } = await setting('dupes');
    const events = journalScenario({ seed: 11, users: 4, journalsPerUser: 3, entries: 400, edits: 600 });
    const metrics = new Registry();
    const projector = await start(metrics);
    await projector.ready();
    await publisher.publish(events);
    const ms = await whenApplied(pool, events);
    log.info({ events: events.length, ms, perSecond: Math.round((events.length / ms) * 1000) }, 'kafka projection rate');
    console.info(`[figures] kafka: ${events.length} events projected in ${ms} ms (${Math.round((events.length / ms) * 1000)}/s)`);
    const expected = expectedReadModel(events);
    expect(await readModelSnapshot(pool)).toEqual(expected);

    await publisher.publish([...events.slice(0, 100), ...events]); // redelivered facts, some twice
    await expect.poll(() => total(metrics, 'mindflow_projector_duplicates_skipped_total'), { timeout: 30_000, interval: 100 }).toBe(events.length + 100);
    expect(await readModelSnapshot(pool)).toEqual(expected);
    expect(await total(metrics, 'mindflow_projector_events_applied_total')).toBe(events.length);
    expect(await projector.lag()).toBe(0);
  });

  it('resumes after a restart from the committed offsets, without loss or duplicates', async () => {
    const { publisher, pool, start } = await setting('restart');
    const events = journalScenario({ seed: 12, users: 3, journalsPerUser: 3, entries: 300, edits: 300 });
    const half = Math.floor(events.length / 2);
    const firstRun = new Registry();
    let projector: RunningQueryProjector = await start(firstRun);
    await projector.ready();
    await publisher.publish(events.slice(0, half));
    await whenApplied(pool, events.slice(0, half));
    await projector.close();

    await publisher.publish(events.slice(half));
    const secondRun = new Registry();
    projector = await start(secondRun);
    await whenApplied(pool, events);
    expect(await readModelSnapshot(pool)).toEqual(expectedReadModel(events));
    expect(await total(firstRun, 'mindflow_projector_events_applied_total')).toBe(half);
    expect(await total(secondRun, 'mindflow_projector_events_applied_total')).toBe(events.length - half);
    expect(await total(secondRun, 'mindflow_projector_duplicates_skipped_total')).toBe(0);
  });

  it('shares the work with a second member of its group and still ends exact', async () => {
    const { publisher, pool, start } = await setting('pair');
    const events = journalScenario({ seed: 13, users: 5, journalsPerUser: 2, entries: 500, edits: 700 });
    const [a, b] = [new Registry(), new Registry()];
    const first = await start(a);
    await first.ready();
    await publisher.publish(events.slice(0, 400));
    const second = await start(b);
    await publisher.publish(events.slice(400, 800));
    await second.ready();
    await publisher.publish(events.slice(800));
    await whenApplied(pool, events);
    expect(await readModelSnapshot(pool)).toEqual(expectedReadModel(events));
    expect(await total(b, 'mindflow_projector_events_applied_total')).toBeGreaterThan(0);
    const applied = (await total(a, 'mindflow_projector_events_applied_total')) + (await total(b, 'mindflow_projector_events_applied_total'));
    expect(applied).toBe(events.length); // a redelivery after the rebalance was skipped, never re-applied
  });
});
