import type { estypes } from '@elastic/elasticsearch';

// Explicit mappings, core Elasticsearch only: the local integration-test distribution has no
// analysis-common module, so no `english` analyzer, `stemmer` or `edge_ngram` filter. English stemming
// is done by the search service itself (`stemmedText`) into `allStemmed`, queries are stemmed alike;
// prefixes come from `index_prefixes` on `all`; `suggest` aggregates the keyword field `words` (a
// `completion` field would give one suggestion per document, not the owner's distinct words by frequency).
// Any change here needs a new index version and a reindex (`reindexSearchIndex`), never an in-place edit.

/** The version of these mappings: `<prefix>entries_v<version>` is created with them. */
export const mappingVersion = 1;

export const indexSettings: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  number_of_replicas: 0,
  // Documents become searchable within a second; read-your-writes refreshes explicitly (see README).
  refresh_interval: '1s',
};

export const indexMappings: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    kind: { type: 'keyword' },
    ownerId: { type: 'keyword' },
    journalId: { type: 'keyword' },
    title: { type: 'text', analyzer: 'standard', copy_to: 'all' },
    body: { type: 'text', analyzer: 'standard', copy_to: 'all' },
    tags: { type: 'keyword', copy_to: 'all' },
    mood: { type: 'keyword' },
    day: { type: 'date', format: 'strict_date' },
    createdAt: { type: 'date' },
    version: { type: 'integer' },
    deleted: { type: 'boolean' },
    completed: { type: 'boolean' },
    /** title + body + tags as written: fuzzy and prefix matching. */
    all: { type: 'text', analyzer: 'standard', index_prefixes: { min_chars: 1, max_chars: 10 } },
    /** title + body + tags, each word stemmed by the service (Porter). */
    allStemmed: { type: 'text', analyzer: 'standard' },
    /** Distinct words offered by `suggest` (a terms aggregation over the owner's live documents). */
    words: { type: 'keyword' },
  },
};
