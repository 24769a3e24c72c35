import { createPool, migrate, withTransaction, type Pool } from '@mindflow/db';
import { appendToOutbox, outboxMigrations } from '@mindflow/event-log';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, testServers, uniqueTopicPrefix } from '@mindflow/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startQueryProjector } from './start-query-projector.js';
import { journalScenario } from './test/journal-scenario.js';
import { KafkaPublisher } from './test/kafka-publisher.js';
import { whenApplied } from './test/progress.js';
import { expectedReadModel, readModelSnapshot } from './test/read-model-snapshot.js';

// "Two ways to run, one code path": the same events through the outbox (embedded) and through Kafka
// (distributed) must leave identical read DBs.

const log = createLogger('query-projector-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function database(label: string): Promise<{ url: string; pool: Pool }> {
  const db = await createTestDatabase(label);
  const pool = createPool(db.url, { applicationName: 'embedded-test', max: 4 });
  cleanups.push(() => db.drop(), () => pool.end());
  return { url: db.url, pool };
}

/** Every row of the read model, every column, in a stable order. */
async function dump(pool: Pool) {
  const tables = {
    journals: 'SELECT * FROM journals_view ORDER BY journal_id',
    entries: 'SELECT * FROM entries_view ORDER BY entry_id',
    versions: 'SELECT * FROM projection_versions ORDER BY projection, aggregate_id',
  };
  const out: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(tables)) out[name] = (await pool.query(sql)).rows;
  return out;
}

describe('query projector on the embedded event log (the outbox)', () => {
  it('builds the same read model from the outbox as from Kafka', async () => {
    const events = journalScenario({ seed: 31, users: 5, journalsPerUser: 3, entries: 800, edits: 1_200 });
    const [write, embeddedRead, kafkaRead] = await Promise.all([database('qp_write'), database('qp_read_emb'), database('qp_read_kafka')]);
    await migrate(write.pool, 'command', outboxMigrations);

    const embedded = await startQueryProjector({ MINDFLOW_MODE: 'embedded', READ_DATABASE_URL: embeddedRead.url, WRITE_DATABASE_URL: write.url }, { log });
    cleanups.push(() => embedded.close());
    await embedded.ready();
    // As the command service writes them: a few events per transaction, the projector reading meanwhile.
    const started = Date.now();
    for (let i = 0; i < events.length; i += 7) {
      await withTransaction(write.pool, (tx) => appendToOutbox(tx, events.slice(i, i + 7)));
    }
    await whenApplied(embeddedRead.pool, events);
    const ms = Date.now() - started;
    console.info(`[figures] embedded: ${events.length} events written and projected in ${ms} ms (${Math.round((events.length / ms) * 1000)}/s)`);
    expect(await readModelSnapshot(embeddedRead.pool)).toEqual(expectedReadModel(events));
    expect(await embedded.lag()).toBe(0);

    const prefix = uniqueTopicPrefix('equivalence');
    const publisher = await KafkaPublisher.connect(prefix);
    cleanups.push(() => publisher.close());
    await publisher.publish(events);
    const brokers = await (await testServers()).kafkaBrokers();
    const distributed = await startQueryProjector(
      { MINDFLOW_MODE: 'distributed', READ_DATABASE_URL: kafkaRead.url, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix },
      { log },
    );
    cleanups.push(() => distributed.close());
    await whenApplied(kafkaRead.pool, events);

    expect(await dump(embeddedRead.pool)).toEqual(await dump(kafkaRead.pool));
  });

  it('picks up after a restart from its checkpoint in the read DB', async () => {
    const events = journalScenario({ seed: 32, users: 2, journalsPerUser: 2, entries: 100, edits: 100 });
    const [write, read] = await Promise.all([database('qp_write2'), database('qp_read2')]);
    await migrate(write.pool, 'command', outboxMigrations);
    const config = { MINDFLOW_MODE: 'embedded' as const, READ_DATABASE_URL: read.url, WRITE_DATABASE_URL: write.url };
    const first = await startQueryProjector(config, { log });
    await withTransaction(write.pool, (tx) => appendToOutbox(tx, events.slice(0, 100)));
    await whenApplied(read.pool, events.slice(0, 100));
    await first.close();
    await withTransaction(write.pool, (tx) => appendToOutbox(tx, events.slice(100)));
    const second = await startQueryProjector(config, { log });
    cleanups.push(() => second.close());
    await whenApplied(read.pool, events);
    expect(await readModelSnapshot(read.pool)).toEqual(expectedReadModel(events));
    const { rows } = await read.pool.query('SELECT group_id FROM event_log_checkpoints');
    expect(rows).toEqual([{ group_id: 'mindflow.query-projector' }]);
  });
});
