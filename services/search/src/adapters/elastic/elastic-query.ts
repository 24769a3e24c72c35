import type { estypes } from '@elastic/elasticsearch';
import type { SearchQuery } from '../../domain/search-query.js';
import { stemmedText } from '../../domain/text-analysis.js';

/**
 * The Elasticsearch query for a search. The owner, `deleted: false` and the caller's filters are
 * `bool.filter` term queries built from parameters; the caller's text only ever reaches `match`-family
 * queries, which have no syntax (never `query_string`), so no text can widen or escape the filter.
 */
export function searchRequestBody(query: SearchQuery): Pick<estypes.SearchRequest, 'query' | 'sort' | 'search_after' | 'highlight' | 'size' | 'track_total_hits'> {
  const filter: estypes.QueryDslQueryContainer[] = [{ term: { ownerId: query.ownerId } }, { term: { deleted: false } }];
  if (query.kinds.length > 0) filter.push({ terms: { kind: [...query.kinds] } });
  for (const tag of query.tags) filter.push({ term: { tags: tag } });
  if (query.mood) filter.push({ term: { mood: query.mood } });
  if (query.from || query.to) filter.push({ range: { day: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } } });
  const stemmed = stemmedText(query.text);
  const matches: estypes.QueryDslQueryContainer[] = [
    { match: { all: { query: query.text, operator: 'and', fuzziness: 'AUTO', prefix_length: 1 } } },
    // search as you type: the last word as a prefix
    { match_bool_prefix: { all: { query: query.text, operator: 'and' } } },
  ];
  if (stemmed.length > 0) matches.push({ match: { allStemmed: { query: stemmed, operator: 'and' } } });
  return {
    size: query.first + 1,
    track_total_hits: true,
    query: {
      bool: {
        filter,
        must: [{ bool: { should: matches, minimum_should_match: 1 } }],
        // scoring only: a match in the title counts more
        should: [{ match: { title: { query: query.text, boost: 2 } } }],
      },
    },
    sort: [{ _score: { order: 'desc' } }, { id: { order: 'asc' } }],
    ...(query.after ? { search_after: [query.after.score, query.after.id] } : {}),
    highlight: {
      // What to mark in title and body: the words as typed (fuzzy), the last as a prefix, and every word
      // starting with a query word's stem (the stemmed match itself is on `allStemmed`, not shown).
      highlight_query: {
        bool: {
          should: [
            { multi_match: { query: query.text, fields: ['title', 'body'], fuzziness: 'AUTO', prefix_length: 1 } },
            { multi_match: { query: query.text, fields: ['title', 'body'], type: 'bool_prefix' } },
            ...stemmed.split(' ').filter((stem) => stem.length >= 3).flatMap((stem) => [{ prefix: { title: stem } }, { prefix: { body: stem } }]),
          ],
        },
      },
      pre_tags: ['<em>'],
      post_tags: ['</em>'],
      encoder: 'html',
      require_field_match: false,
      fields: {
        title: { number_of_fragments: 0 },
        body: { fragment_size: 150, number_of_fragments: 3 },
      },
    },
  };
}
