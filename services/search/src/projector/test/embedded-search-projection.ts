import { Client } from '@elastic/elasticsearch';
import { createPool, migrate, withTransaction, type Pool } from '@mindflow/db';
import { appendToOutbox, outboxMigrations } from '@mindflow/event-log';
import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, testServers, uniqueIndexPrefix } from '@mindflow/testing';
import { Registry } from 'prom-client';
import { searchAlias } from '../../adapters/elastic/index-names.js';
import { startSearchProjector, type RunningSearchProjector } from '../start-search-projector.js';

export interface SearchProjection {
  readonly projector: () => RunningSearchProjector;
  append(events: readonly AnyEvent[]): Promise<void>;
  /** Every appended event applied, and the index refreshed. */
  caughtUp(): Promise<void>;
  /** Forgets the checkpoint and restarts: the whole log comes again. Returns how many events were re-applied. */
  redeliverEverything(): Promise<number>;
  /**
   * Replays the log up to `version` of these aggregates, as a late or redelivered older event would arrive:
   * their later events are taken out of the log, the projection's bookkeeping of them forgotten (as a lost or
   * rebuilt read DB would), the checkpoint too, and the projector restarted. Resolves once it applied
   * `version` of each. `caughtUp` counts versions: call it no more after this.
   */
  replayOlderEvents(aggregateIds: readonly string[], version: number): Promise<void>;
  /** Waits until the projection has applied `version` of the aggregate (its write is in the index by then). */
  versionApplied(aggregateId: string, version: number): Promise<void>;
  /**
   * Waits out Elasticsearch's memory of deleted versions (`index.gc_deletes`, set to 0 s on the projection's
   * index): what a real delete would rely on is gone afterwards. Postgres has no such window.
   */
  outliveDeleteRetention(): Promise<void>;
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
  const versionApplied = async (aggregateId: string, version: number) => {
    const deadline = Date.now() + 30_000;
    const current = async () =>
      (await read.query<{ version: number }>(`SELECT version FROM projection_versions WHERE projection = 'search' AND aggregate_id = $1`, [aggregateId])).rows[0]?.version;
    while ((await current()) !== version) {
      if (Date.now() > deadline) throw new Error(`search projection did not apply version ${version} of ${aggregateId} within 30 s (at ${await current()})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
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
    async replayOlderEvents(aggregateIds, version) {
      await projector.close();
      await write.query('DELETE FROM outbox WHERE aggregate_id = ANY($1::uuid[]) AND aggregate_version > $2', [aggregateIds, version]);
      await read.query(`DELETE FROM projection_versions WHERE projection = 'search' AND aggregate_id = ANY($1::uuid[])`, [aggregateIds]);
      await read.query('DELETE FROM event_log_checkpoints');
      metrics = new Registry();
      projector = await start(metrics);
      for (const id of aggregateIds) await versionApplied(id, version);
    },
    versionApplied,
    async outliveDeleteRetention() {
      if (!elasticsearchUrl) return;
      const client = new Client({ node: elasticsearchUrl });
      await client.indices.putSettings({ index: searchAlias(prefix), settings: { 'index.gc_deletes': '0s' } });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await client.indices.refresh({ index: searchAlias(prefix) }); // deleted versions older than gc_deletes are pruned on refresh
      await client.close();
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
