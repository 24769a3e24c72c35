import type { SearchKind } from '../domain/search-document.js';
import { encodeSearchCursor, InvalidSearch, searchLimits, searchQueryOf, suggestPrefixOf } from '../domain/search-query.js';
import { callerOf } from './context.js';
import { badUserInput } from './errors.js';
import type { Resolvers, SearchKind as ApiKind } from './generated/resolvers-types.js';

const kindOf: Record<ApiKind, SearchKind> = { ENTRY: 'entry', THOUGHT: 'thought', TASK: 'task' };
const typeOf: Record<SearchKind, 'Entry' | 'Thought' | 'Task'> = { entry: 'Entry', thought: 'Thought', task: 'Task' };

/** Domain validation errors become BAD_USER_INPUT with the argument to fix. */
function validated<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof InvalidSearch) throw badUserInput(error.message, error.field);
    throw error;
  }
}

export const resolvers: Resolvers = {
  Query: {
    async search(_, args, context) {
      const caller = callerOf(context);
      const query = validated(() => searchQueryOf(caller.userId, { ...args, kinds: args.kinds?.map((kind) => kindOf[kind]) ?? null }));
      const page = await context.index.search(query);
      const edges = page.hits.map((hit) => ({
        node: { hit: { __typename: typeOf[hit.kind], id: hit.id }, score: hit.score, highlights: hit.highlights },
        cursor: encodeSearchCursor({ score: hit.score, id: hit.id }),
      }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.total };
    },

    async suggest(_, args, context) {
      const caller = callerOf(context);
      const prefix = validated(() => suggestPrefixOf(args.prefix));
      return prefix ? context.index.suggest(caller.userId, prefix, searchLimits.suggestions) : [];
    },
  },

  SearchHit: {
    __resolveType: (hit) => hit.__typename ?? null,
  },
};
