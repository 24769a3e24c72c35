import type { Client } from '@elastic/elasticsearch';
import { defaultBulkLimits, writeVersioned, type BulkLimits } from './bulk-writer.js';
import { fromElasticDocument, toElasticDocument, type ElasticDocument } from './elastic-document.js';
import { indexVersion, searchAlias, versionedIndex } from './index-names.js';
import { indexMappings, indexSettings } from './mappings.js';

export interface ReindexReport {
  readonly from: string;
  readonly to: string;
  /** Documents copied in the first pass and in the catch-up pass after the alias moved. */
  readonly copied: number;
  readonly caughtUp: number;
}

/**
 * Moves the search alias to a fresh index with the current mappings, with no downtime and no `_reindex`
 * API (absent from the local distribution):
 * 1. create `<alias>_v<n+1>`;
 * 2. copy every document of the live index (search_after pages), re-deriving its stemmed and suggest
 *    fields, with external versioning: a document the projector wrote newer meanwhile is never replaced;
 * 3. refresh it, then swap the alias in one atomic `_aliases` call: readers see the old index or the new one, never none;
 * 4. copy again what the old index received during step 2 (external versioning makes repeats no-ops),
 *    then delete the old index.
 * Writes go through the alias, so after step 3 the projector writes to the new index.
 */
export async function reindexSearchIndex(client: Client, prefix: string, limits: BulkLimits = defaultBulkLimits): Promise<ReindexReport> {
  const alias = searchAlias(prefix);
  const current = Object.keys(await client.indices.getAlias({ name: alias }));
  if (current.length !== 1) throw new Error(`alias ${alias} points at ${current.length} indices; expected one`);
  const from = current[0]!;
  const next = versionedIndex(prefix, (indexVersion(prefix, from) ?? 0) + 1);
  await client.indices.create({ index: next, settings: indexSettings, mappings: indexMappings });
  await client.indices.refresh({ index: from });
  const copied = await copyAll(client, from, next, limits);
  // Readers must find in the new index everything they found in the old one from the first moment.
  await client.indices.refresh({ index: next });
  await client.indices.updateAliases({
    actions: [{ remove: { index: from, alias } }, { add: { index: next, alias } }],
  });
  await client.indices.refresh({ index: from });
  const caughtUp = await copyAll(client, from, next, limits);
  await client.indices.delete({ index: from });
  return { from, to: next, copied, caughtUp };
}

async function copyAll(client: Client, from: string, to: string, limits: BulkLimits): Promise<number> {
  let copied = 0;
  let after: (string | number)[] | undefined;
  for (let page = 0; page < 1_000_000; page += 1) {
    const response = await client.search<ElasticDocument>({
      index: from,
      size: limits.maxCount,
      version: true,
      query: { match_all: {} },
      sort: [{ id: { order: 'asc' } }],
      ...(after ? { search_after: after } : {}),
    });
    const hits = response.hits.hits;
    if (hits.length === 0) break;
    await writeVersioned(
      client,
      to,
      hits.map((hit) => ({
        document: toElasticDocument({ ...fromElasticDocument(hit._source!), version: hit._version ?? hit._source!.version }),
        // equal versions: the same document, already copied; the tombstone-of-a-hidden-entry case stays exact too
        versionType: 'external_gte' as const,
      })),
      limits,
    );
    copied += hits.length;
    after = hits.at(-1)!.sort as (string | number)[];
  }
  return copied;
}
