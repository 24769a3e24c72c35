import { Client } from '@elastic/elasticsearch';
import { embeddedProjection } from '@mindflow/event-log/testing';
import type { Pool } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { testServers, uniqueIndexPrefix } from '@mindflow/testing';
import { searchAlias } from '../../adapters/elastic/index-names.js';
import { searchProjection as searchProjectionName, startSearchProjector, type RunningSearchProjector } from '../start-search-projector.js';

export interface SearchProjection {
  readonly projector: () => RunningSearchProjector;
  /** The read DB (the projection's bookkeeping, `erased_users`, and the Postgres index's tables). */
  readonly read: Pool;
  /** Stops the projector, runs `meanwhile`, forgets its checkpoint and starts it anew. */
  restart(meanwhile?: () => Promise<void>): Promise<void>;
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

/** The search projector on the embedded event log (a real write DB's outbox), into Postgres FTS or Elasticsearch. */
export async function searchProjection(label: string, indexKind: 'postgres' | 'elasticsearch'): Promise<SearchProjection> {
  const elasticsearchUrl = indexKind === 'elasticsearch' ? await (await testServers()).elasticsearchUrl() : undefined;
  const prefix = uniqueIndexPrefix(label);
  const projection = await embeddedProjection(label, {
    projection: searchProjectionName,
    readConnections: 2,
    start: (config, dependencies) => startSearchProjector({ ...config, ELASTICSEARCH_URL: elasticsearchUrl, SEARCH_INDEX_PREFIX: prefix }, dependencies),
    async cleanUp() {
      if (!elasticsearchUrl) return;
      const client = new Client({ node: elasticsearchUrl });
      await client.indices.delete({ index: `${prefix}*` }, { ignore: [404] });
      await client.close();
    },
  });
  return {
    projector: projection.projector,
    read: projection.read,
    restart: projection.restart,
    append: projection.append,
    async caughtUp() {
      await projection.caughtUp();
      await projection.projector().index.refresh();
    },
    redeliverEverything: projection.redeliverEverything,
    async replayOlderEvents(aggregateIds, version) {
      await projection.restart(async () => {
        await projection.write.query('DELETE FROM outbox WHERE aggregate_id = ANY($1::uuid[]) AND aggregate_version > $2', [aggregateIds, version]);
        await projection.read.query(`DELETE FROM projection_versions WHERE projection = 'search' AND aggregate_id = ANY($1::uuid[])`, [aggregateIds]);
      });
      for (const id of aggregateIds) await projection.versionApplied(id, version);
    },
    versionApplied: projection.versionApplied,
    async outliveDeleteRetention() {
      if (!elasticsearchUrl) return;
      const client = new Client({ node: elasticsearchUrl });
      await client.indices.putSettings({ index: searchAlias(prefix), settings: { 'index.gc_deletes': '0s' } });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await client.indices.refresh({ index: searchAlias(prefix) }); // deleted versions older than gc_deletes are pruned on refresh
      await client.close();
    },
    close: projection.close,
  };
}
