import type { estypes } from '@elastic/elasticsearch';
import type { SearchQuery } from '../../domain/search-query.js';
import { matchTiers, queryWords, type QueryWord } from '../../domain/text-analysis.js';

/** Terms a fuzzy clause expands to at most (the Postgres index takes as many of the owner's words per term). */
export const fuzzyExpansions = 100;

/**
 * Relevance within a tier of matches (BM25 of the words, a title's words counting more), scaled so that it
 * never outweighs one tier: the tiers decide the order, relevance only breaks their ties.
 */
const relevanceWeight = 0.01;

/**
 * The Elasticsearch query for a search. The owner, `deleted: false` and the caller's filters are
 * `bool.filter` term queries built from parameters; the caller's text only reaches `term`, `fuzzy`,
 * `prefix` and `match` queries of its analysed words, which have no syntax (never `query_string`), so no
 * text can widen or escape the filter.
 *
 * Every query word must match (one `must` clause each), in whichever way it can (a `dis_max` of constant
 * scores): exactly (tier 3), by stem (2), or by a typo of the word or of its stem, or as a prefix if it is
 * the last word (1). A hit's score is the sum of its words' best tiers, plus relevance below one tier.
 */
export function searchRequestBody(query: SearchQuery): Pick<estypes.SearchRequest, 'query' | 'sort' | 'search_after' | 'size' | 'track_total_hits'> {
  const filter: estypes.QueryDslQueryContainer[] = [{ term: { ownerId: query.ownerId } }, { term: { deleted: false } }];
  if (query.kinds.length > 0) filter.push({ terms: { kind: [...query.kinds] } });
  for (const tag of query.tags) filter.push({ term: { tags: tag } });
  if (query.mood) filter.push({ term: { mood: query.mood } });
  if (query.from || query.to) filter.push({ range: { day: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } } });
  const words = queryWords(query.text);
  // No word at all (punctuation only): nothing matches.
  const must: estypes.QueryDslQueryContainer[] = words.length > 0 ? words.map(wordClause) : [{ match_none: {} }];
  return {
    size: query.first + 1,
    track_total_hits: true,
    query: {
      bool: {
        filter,
        must,
        should: [
          { match: { allWords: { query: words.map((w) => w.word).join(' '), boost: relevanceWeight } } },
          { match: { title: { query: query.text, boost: 2 * relevanceWeight } } },
        ],
      },
    },
    sort: [{ _score: { order: 'desc' } }, { id: { order: 'asc' } }],
    ...(query.after ? { search_after: [query.after.score, query.after.id] } : {}),
  };
}

function wordClause(word: QueryWord): estypes.QueryDslQueryContainer {
  const tier = (boost: number, query: estypes.QueryDslQueryContainer) => ({ constant_score: { filter: query, boost } });
  const fuzzy = (field: string, value: string, edits: number) => ({
    fuzzy: { [field]: { value, fuzziness: edits, transpositions: true, prefix_length: 0, max_expansions: fuzzyExpansions } },
  });
  const queries: estypes.QueryDslQueryContainer[] = [
    tier(matchTiers.exact, { term: { allWords: word.word } }),
    tier(matchTiers.stem, { term: { allStems: word.stem } }),
  ];
  if (word.edits > 0) queries.push(tier(matchTiers.typo, fuzzy('allWords', word.word, word.edits)));
  if (word.stemEdits > 0) queries.push(tier(matchTiers.typo, fuzzy('allStems', word.stem, word.stemEdits)));
  if (word.prefix) queries.push(tier(matchTiers.typo, { prefix: { allWords: word.word } }));
  return { dis_max: { queries, tie_breaker: 0 } };
}
