import type { estypes } from '@elastic/elasticsearch';

// Explicit mappings, core Elasticsearch only: the local integration-test distribution has no
// analysis-common module, so no `english` analyzer, `stemmer`, `asciifolding` or `edge_ngram` filter. Text
// analysis is done by the search service itself (`domain/text-analysis.ts`: accents folded, Snowball English
// stems), the same for both indexes: documents carry their analysed words (`allWords`) and stems (`allStems`),
// space separated and split by the `whitespace` analyzer; queries are analysed alike. Prefixes come from
// `index_prefixes` on `allWords`; `suggest` aggregates the keyword field `words` (a `completion` field would give
// one suggestion per document, not the owner's distinct words by frequency).
// Any change here needs a new index version: `prepare()` moves an older index to it (`reindexSearchIndex`),
// never an in-place edit.

/**
 * The version of these mappings: `<prefix>entries_v<version>` is created with them.
 * 1: `all` (standard analyzer, fuzzy) and `allStemmed` (Porter stems). 2: `allWords` and `allStems` (folded words and
 * their Snowball stems, issue 13).
 */
export const mappingVersion = 2;

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
    /** As written: relevance within a tier of matches (a title's words count more). */
    title: { type: 'text', analyzer: 'standard' },
    body: { type: 'text', analyzer: 'standard', index: false },
    tags: { type: 'keyword' },
    mood: { type: 'keyword' },
    day: { type: 'date', format: 'strict_date' },
    createdAt: { type: 'date' },
    version: { type: 'integer' },
    deleted: { type: 'boolean' },
    completed: { type: 'boolean' },
    /** title + tags + body, each word lower-cased and its accents folded by the service: exact, typo and prefix matches. */
    allWords: { type: 'text', analyzer: 'whitespace', index_prefixes: { min_chars: 2, max_chars: 10 } },
    /** The Snowball English stem of each word of `allWords`, in the same order: stem and stem-typo matches. */
    allStems: { type: 'text', analyzer: 'whitespace' },
    /** Distinct words offered by `suggest` (a terms aggregation over the owner's live documents). */
    words: { type: 'keyword' },
  },
};
