import { createPool, migrationsFromDir, type Pool } from '@mindflow/db';
import { createEventLog, rebuildProjection, type EventLog, type RebuildReport } from '@mindflow/event-log';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, testServers, uniqueTopicPrefix } from '@mindflow/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { queryMigrationsDir, queryProjection, queryReadModels, startQueryProjector } from './start-query-projector.js';
import { journalScenario } from './test/journal-scenario.js';
import { KafkaPublisher } from './test/kafka-publisher.js';
import { whenApplied } from './test/progress.js';
import { expectedReadModel, readModelSnapshot } from './test/read-model-snapshot.js';

// Rebuild without downtime, on real Kafka and real read DBs: the query projection is rebuilt from the
// start of the log into a fresh schema while events keep arriving and readers keep reading, swapped in,
// and then equals — row by row, every table — a control projection that was never rebuilt.

const log = createLogger('query-rebuild-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Every row of every table the rebuild swapped in (and the projection's versions), in a stable order. */
async function dump(pool: Pool, report: RebuildReport): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const relation of [...report.relations, 'projection_versions']) {
    const where = relation === 'projection_versions' ? `WHERE projection = '${queryProjection}'` : '';
    out[relation] = (await pool.query(`SELECT * FROM ${relation} AS r ${where} ORDER BY r::text`)).rows;
  }
  return out;
}

describe('rebuilding the query projection', () => {
  it('rebuilds from the start while events arrive and readers read, swaps in, and equals a never-rebuilt projection row by row', async () => {
    const brokers = (await (await testServers()).kafkaBrokers()).join(',');
    const prefix = uniqueTopicPrefix('rebuild');
    const [liveDb, controlDb] = await Promise.all([createTestDatabase('query_live'), createTestDatabase('query_control')]);
    const live = createPool(liveDb.url, { applicationName: 'rebuild-test', max: 4 });
    const control = createPool(controlDb.url, { applicationName: 'rebuild-test', max: 2 });
    const publisher = await KafkaPublisher.connect(prefix);
    const rebuildLog: EventLog = createEventLog({ mode: 'distributed', log, kafkaBrokers: brokers, kafkaTopicPrefix: prefix, clientId: 'rebuild' });
    cleanups.push(() => liveDb.drop(), () => controlDb.drop(), () => live.end(), () => control.end(), () => publisher.close(), () => rebuildLog.close());
    const config = { MINDFLOW_MODE: 'distributed' as const, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_SESSION_TIMEOUT_MS: 10_000 };
    const liveProjector = await startQueryProjector({ ...config, READ_DATABASE_URL: liveDb.url, QUERY_PROJECTOR_GROUP: `${prefix}.live` }, { log });
    const controlProjector = await startQueryProjector({ ...config, READ_DATABASE_URL: controlDb.url, QUERY_PROJECTOR_GROUP: `${prefix}.control` }, { log });
    cleanups.push(() => liveProjector.close(), () => controlProjector.close());
    await Promise.all([liveProjector.ready(), controlProjector.ready()]);

    const events = journalScenario({ seed: 21, users: 8, journalsPerUser: 3, entries: 2_500, edits: 4_000 });
    const before = Math.floor(events.length * 0.7);
    await publisher.publish(events.slice(0, before));
    await whenApplied(live, events.slice(0, before), 120_000);
    // A bug damaged the live model: the rebuild must repair it (the control never saw it).
    await live.query(`UPDATE journals_view SET name = 'damaged'; UPDATE entries_view SET content = 'damaged'`);

    let busy = true;
    let reads = 0;
    const readerErrors: unknown[] = [];
    const writer = (async () => {
      for (let i = before; i < events.length; i += 100) {
        await publisher.publish(events.slice(i, i + 100));
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
    const reader = (async () => {
      while (busy) {
        await live.query(`SELECT j.name, count(e.entry_id) FROM journals_view j LEFT JOIN entries_view e USING (journal_id) GROUP BY j.name`)
          .then(() => (reads += 1), (error: unknown) => readerErrors.push(error));
      }
    })();
    const report = await rebuildProjection({
      projection: { name: queryProjection, readModels: queryReadModels, migrationScope: 'query', migrations: await migrationsFromDir(queryMigrationsDir) },
      eventLog: rebuildLog, readDatabaseUrl: liveDb.url, group: `${prefix}.live`, log, progressEveryMs: 2_000,
    });
    await writer;
    busy = false;
    await reader;
    console.info(`[figures] query rebuild on Kafka: ${report.applied} events in ${report.seconds.toFixed(1)} s (${report.eventsPerSecond}/s) while ${events.length - before} more arrived`);

    await Promise.all([whenApplied(live, events, 60_000), whenApplied(control, events, 60_000)]);
    expect(readerErrors).toEqual([]);
    expect(reads).toBeGreaterThan(10);
    expect(report.relations).toEqual(expect.arrayContaining(['journals_view', 'entries_view', 'thoughts_view']));
    expect(report.applied).toBeGreaterThanOrEqual(before);
    const rebuilt = await dump(live, report);
    expect(rebuilt).toEqual(await dump(control, report));
    expect(await readModelSnapshot(live)).toEqual(expectedReadModel(events));
    expect(rebuilt['journals_view']!.length).toBeGreaterThan(0);
    expect(JSON.stringify(rebuilt)).not.toContain('damaged');
    expect((await live.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${report.retiredSchema}.journals_view WHERE name = 'damaged'`)).rows[0]!.n).toBeGreaterThan(0);
  }, 240_000);
});
