import type { Client } from '@elastic/elasticsearch';
import type { SearchIndex } from '../../application/search-index.js';
import type { SearchDocument } from '../../domain/search-document.js';
import type { SearchHit } from '../../domain/search-query.js';
import { defaultBulkLimits, writeVersioned, type BulkLimits } from './bulk-writer.js';
import { fromElasticDocument, toElasticDocument, type ElasticDocument } from './elastic-document.js';
import { searchRequestBody } from './elastic-query.js';
import { highlights } from '../../domain/highlight.js';
import { queryWords } from '../../domain/text-analysis.js';
import { indexVersion, searchAlias, versionedIndex } from './index-names.js';
import { reindexSearchIndex } from './reindex.js';
import { indexMappings, indexSettings, mappingVersion } from './mappings.js';

export interface ElasticSearchIndexOptions {
  readonly client: Client;
  /** SEARCH_INDEX_PREFIX: the alias is `<prefix>entries`. */
  readonly prefix: string;
  readonly bulk?: BulkLimits;
}

/**
 * The distributed search index: one Elasticsearch index behind the alias `<prefix>entries` (created as
 * `<prefix>entries_v1`; `reindexSearchIndex` moves the alias to a new version without downtime). Every
 * write is a bulk `index` with `version_type: external`, version = aggregate version, with no read first:
 * Elasticsearch itself refuses a version that is not newer (a conflict, counted as the expected no-op).
 * `external` rather than `external_gte`: a version's document never changes once written, so an equal
 * version is a repeat (a redelivered chunk) that costs nothing refused, where `external_gte` would
 * re-index it. Only hiding a journal's entries and copying during a reindex write at the stored version
 * (`external_gte`). Deletions are tombstone documents written the same way and never removed: an
 * Elasticsearch delete would forget its version after `index.gc_deletes` (60 s) and let a late or
 * replayed event bring the document back. Every query filters `deleted: false`.
 */
export function createElasticSearchIndex(options: ElasticSearchIndexOptions): SearchIndex {
  const { client, prefix } = options;
  const alias = searchAlias(prefix);
  const limits = options.bulk ?? defaultBulkLimits;

  return {
    kind: 'elasticsearch',

    async prepare() {
      if (await client.indices.existsAlias({ name: alias })) {
        await upgradeMappings(client, prefix, limits);
        return;
      }
      try {
        await client.indices.create({
          index: versionedIndex(prefix, mappingVersion),
          settings: indexSettings,
          mappings: indexMappings,
          aliases: { [alias]: {} },
        });
      } catch (error) {
        // Another process created it first.
        if (!isAlreadyExists(error)) throw error;
      }
    },

    async write(documents) {
      await writeVersioned(client, alias, documents.map((d) => ({ document: toElasticDocument(d), versionType: 'external' })), limits);
    },

    async get(id) {
      const response = await client.get<ElasticDocument>({ index: alias, id }, { ignore: [404] });
      return response.found && response._source ? fromElasticDocument(response._source) : undefined;
    },

    async getMany(ids) {
      const found = new Map<string, SearchDocument>();
      if (ids.length === 0) return found;
      // Real-time (the default): a document written a moment ago is seen before any refresh.
      const response = await client.mget<ElasticDocument>({ index: alias, ids: [...ids] });
      for (const doc of response.docs) {
        if ('error' in doc) throw new Error(`multi-get failed for ${doc._id}: ${doc.error.type}: ${doc.error.reason ?? ''}`);
        if (doc.found && doc._source) found.set(doc._id, fromElasticDocument(doc._source));
      }
      return found;
    },

    async hideJournalEntries(ownerId, journalId) {
      await client.indices.refresh({ index: alias });
      let after: estypesSortResults | undefined;
      for (let page = 0; page < 10_000; page += 1) {
        const response = await client.search<ElasticDocument>({
          index: alias,
          size: 500,
          version: true,
          query: { bool: { filter: [{ term: { ownerId } }, { term: { journalId } }, { term: { kind: 'entry' } }, { term: { deleted: false } }] } },
          sort: [{ id: { order: 'asc' } }],
          ...(after ? { search_after: after } : {}),
        });
        const hits = response.hits.hits;
        if (hits.length === 0) return;
        // Same version, external_gte: the tombstone replaces the document it hides, and a newer
        // version of the entry (impossible once its journal is gone) would still win.
        const writes = hits.map((hit) => ({
          document: toElasticDocument({ ...fromElasticDocument(hit._source!), deleted: true, version: hit._version ?? hit._source!.version }),
          versionType: 'external_gte' as const,
        }));
        await writeVersioned(client, alias, writes, limits);
        after = hits.at(-1)!.sort;
      }
    },

    async eraseOwner(ownerId) {
      // Every index of the projection (`<alias>_v<n>`), not only the alias's: a reindex in progress writes the
      // next version's before the alias moves. Search and bulk deletes by id rather than `_delete_by_query`:
      // the same on any cluster (that one lives in the reindex module, which a trimmed node may lack), and the
      // pages are refreshed first, so a document written a moment ago is found.
      const indices = `${alias}_v*`;
      const scope = { index: indices, allow_no_indices: true, ignore_unavailable: true };
      let deleted = 0;
      for (let round = 0; round < 10_000; round += 1) {
        await client.indices.refresh(scope);
        const response = await client.search({ ...scope, size: 500, _source: false, query: { term: { ownerId } } });
        const hits = response.hits.hits;
        if (hits.length === 0) return deleted;
        const bulk = await client.bulk({ refresh: false, operations: hits.map((hit) => ({ delete: { _index: hit._index, _id: hit._id! } })) });
        const failed = bulk.items.filter((item) => item.delete?.error);
        if (failed.length > 0) throw new Error(`erasing ${ownerId}: ${failed.length} deletions failed: ${failed[0]!.delete!.error!.type}: ${failed[0]!.delete!.error!.reason ?? ''}`);
        deleted += bulk.items.filter((item) => item.delete?.result === 'deleted').length;
      }
      throw new Error(`erasing ${ownerId}: documents still found after 10,000 rounds`);
    },

    async search(query) {
      const response = await client.search<ElasticDocument>({ index: alias, ...searchRequestBody(query), _source: ['kind', 'title', 'body'] });
      const found = response.hits.hits;
      const words = queryWords(query.text);
      const hits: SearchHit[] = found.slice(0, query.first).map((hit) => ({
        id: hit._id!,
        kind: hit._source!.kind,
        score: hit._score ?? Number(hit.sort?.[0] ?? 0),
        // Marked by the service, as the Postgres index marks them: the same words, by the same rules as the match.
        highlights: highlights(words, hit._source!.title, hit._source!.body),
      }));
      const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
      return { hits, hasNextPage: found.length > query.first, total };
    },

    async suggest(ownerId, prefixText, size) {
      const response = await client.search({
        index: alias,
        size: 0,
        query: { bool: { filter: [{ term: { ownerId } }, { term: { deleted: false } }, { prefix: { words: prefixText } }] } },
        aggs: { words: { terms: { field: 'words', size, include: `${escapeRegex(prefixText)}.*`, order: [{ _count: 'desc' }, { _key: 'asc' }] } } },
      });
      const buckets = (response.aggregations?.['words'] as { buckets?: { key: string }[] } | undefined)?.buckets ?? [];
      return buckets.map((bucket) => bucket.key);
    },

    async refresh() {
      await client.indices.refresh({ index: alias });
    },

    async close() {
      // The client belongs to whoever made it.
    },
  };
}

/** How long `prepare` waits for another process's reindex to move the alias. */
const reindexWait = { timeoutMs: 10 * 60_000, pollMs: 500 };

/**
 * Brings an index of older mappings (`<alias>_v<n>`, n < `mappingVersion`) to the current ones with the
 * zero-downtime reindex, one version at a time. Every process prepares the index (projectors, subgraphs):
 * whichever starts first reindexes, the others find the next index already created and wait for the alias
 * to move (a reindex that died half-way leaves that index behind: the wait times out naming it).
 */
async function upgradeMappings(client: Client, prefix: string, limits: BulkLimits): Promise<void> {
  const alias = searchAlias(prefix);
  const current = async () => Object.keys(await client.indices.getAlias({ name: alias }))[0] ?? '';
  for (let from = await current(); (indexVersion(prefix, from) ?? 0) < mappingVersion; from = await current()) {
    try {
      await reindexSearchIndex(client, prefix, limits);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const deadline = Date.now() + reindexWait.timeoutMs;
      while ((await current()) === from) {
        if (Date.now() > deadline) {
          throw new Error(`${alias} still points at ${from}: another process's reindex to ${versionedIndex(prefix, (indexVersion(prefix, from) ?? 0) + 1)} did not finish (delete that index if it died)`);
        }
        await new Promise((resolve) => setTimeout(resolve, reindexWait.pollMs));
      }
    }
  }
}

/** Lucene regular expression syntax escaped: the prefix is matched literally. */
function escapeRegex(text: string): string {
  return text.replace(/[.?+*|{}[\]()"\\#@&<>~]/g, '\\$&');
}

type estypesSortResults = (string | number | boolean | null)[];

function isAlreadyExists(error: unknown): boolean {
  const type = (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
  return type === 'resource_already_exists_exception' || type === 'invalid_alias_name_exception';
}
