import { Client } from '@elastic/elasticsearch';
import { createPool, migrate, withTransaction, type Pool } from '@mindflow/db';
import { appendToOutbox, outboxMigrations } from '@mindflow/event-log';
import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, testServers, uniqueIndexPrefix } from '@mindflow/testing';
import { Registry } from 'prom-client';
import { startSearchProjector, type RunningSearchProjector } from '../start-search-projector.js';

export interface SearchProjection {
  readonly projector: () => RunningSearchProjector;
  append(events: readonly AnyEvent[]): Promise<void>;
  /** Every appended event applied, and the index refreshed. */
  caughtUp(): Promise<void>;
  /** Forgets the checkpoint and restarts: the whole log comes again. Returns how many events were re-applied. */
  redeliverEverything(): Promise<number>;
  close(): Promise<void>;
}

const log = createLogger('search-projector-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

const total = async (metrics: Registry, name: string) =>
  (await metrics.getSingleMetric(name)?.get())?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;

/** The search projector on the embedded event log (a real write DB's outbox), into Postgres FTS or Elasticsearch. */
export async function searchProjection(label: string, indexKind: 'postgres' | 'elasticsearch'): Promise<SearchProjection> {
  const [writeDb, readDb] = await Promise.all([createTestDatabase(`${label}_write`), createTestDatabase(`${label}_read`)]);
  const write = createPool(writeDb.url, { applicationName: `${label}-write`, max: 2 });
  const read: Pool = createPool(readDb.url, { applicationName: `${label}-read`, max: 2 });
  await migrate(write, 'command', outboxMigrations);
  const elasticsearchUrl = indexKind === 'elasticsearch' ? await (await testServers()).elasticsearchUrl() : undefined;
  const prefix = uniqueIndexPrefix(label);
  const config = {
    MINDFLOW_MODE: 'embedded' as const, READ_DATABASE_URL: readDb.url, WRITE_DATABASE_URL: writeDb.url,
    ELASTICSEARCH_URL: elasticsearchUrl, SEARCH_INDEX_PREFIX: prefix,
  };
  const start = async (metrics: Registry) => {
    const started = await startSearchProjector(config, { log, metrics });
    await started.ready();
    return started;
  };
  let metrics = new Registry();
  let projector = await start(metrics);
  const appended: AnyEvent[] = [];
  const applied = async () =>
    Number((await read.query<{ n: string | null }>(`SELECT sum(version) AS n FROM projection_versions WHERE projection = 'search'`).catch(() => ({ rows: [] }))).rows[0]?.n ?? 0); // the table appears with the first chunk
  return {
    projector: () => projector,
    async append(events) {
      for (const event of events) await withTransaction(write, (tx) => appendToOutbox(tx, [event]));
      appended.push(...events);
    },
    async caughtUp() {
      const deadline = Date.now() + 30_000;
      while ((await applied()) < appended.length) {
        if (Date.now() > deadline) throw new Error(`search projection applied ${await applied()} of ${appended.length} events within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await projector.index.refresh();
    },
    async redeliverEverything() {
      await projector.close();
      await read.query('DELETE FROM event_log_checkpoints');
      metrics = new Registry();
      projector = await start(metrics);
      const deadline = Date.now() + 30_000;
      while ((await total(metrics, 'mindflow_projector_duplicates_skipped_total')) < appended.length) {
        if (Date.now() > deadline) throw new Error('the projector did not see the whole log again within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return total(metrics, 'mindflow_projector_events_applied_total');
    },
    async close() {
      await projector.close();
      if (elasticsearchUrl) {
        const client = new Client({ node: elasticsearchUrl });
        await client.indices.delete({ index: `${prefix}*` }, { ignore: [404] });
        await client.close();
      }
      await Promise.all([write.end(), read.end()]);
      await Promise.all([writeDb.drop(), readDb.drop()]);
    },
  };
}
