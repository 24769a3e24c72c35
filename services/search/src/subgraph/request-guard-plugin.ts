import type { ApolloServerPlugin } from '@apollo/server';
import { parseConsistencyTokens, waitForProjection, type ProjectionNotices } from '@mindflow/event-log';
import { Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { searchedAggregateTypes } from '../application/search-read-model.js';
import { searchProjection } from '../projector/start-search-projector.js';
import type { SearchContext } from './context.js';
import { apiError, badUserInput, unauthenticated } from './errors.js';

/**
 * Runs once the operation is known, before any resolver:
 * - refuses anyone the gateway did not vouch for, except the federation `{ _service { sdl } }` query;
 * - for a query sent with `x-consistent-with`, waits (bounded) until the search projection has applied
 *   those writes (entries, thoughts, tasks; journal deletions), then makes them visible to search
 *   (`refresh`: Elasticsearch shows a write to searches only after its next refresh, once a second).
 * Logs unexpected failures (never arguments or results) before they are masked.
 */
export function requestGuardPlugin(notices?: ProjectionNotices): ApolloServerPlugin<SearchContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (!contextValue.caller) {
            if (operation && isSchemaFetch(operation)) return;
            throw unauthenticated();
          }
          if (operation?.operation !== 'query' || contextValue.consistentWith === undefined) return;
          const writes = parseConsistencyTokens(contextValue.consistentWith);
          if (!writes) throw badUserInput('x-consistent-with is not a consistency token this API returned', 'x-consistent-with');
          const { readPool, readWaitMs, index } = contextValue;
          if (!(await waitForProjection(readPool, searchProjection, writes, readWaitMs, searchedAggregateTypes, notices))) {
            throw apiError('CONSISTENCY_TIMEOUT', `search did not catch up with the write within ${readWaitMs} ms; retry shortly`);
          }
          await index.refresh();
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = error.extensions['code'];
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              contextValue.log.error({ err: error.originalError?.message ?? error.message, path: error.path }, 'resolver failed');
            }
          }
        },
      };
    },
  };
}

function isSchemaFetch(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === '_service' || s.name.value === '__typename'))
  );
}

/** A database or programming error says nothing useful to a client and may leak internals: mask it. */
export function maskInternalErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  return { ...formatted, message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
