import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { parseConsistencyTokens, waitForProjection, type ProjectionNotices } from '@mindflow/event-log';
import { queryProjectedTypes, queryProjection } from '../projector/query-read-models.js';
import type { SubgraphContext } from './context.js';
import { apiError, badUserInput, unauthenticated } from './errors.js';

/**
 * Runs once the operation is known, before any resolver:
 * - refuses anyone the gateway did not vouch for, except the federation `{ _service { sdl } }` query that
 *   tooling uses to read this subgraph's schema (it reveals nothing the SDL file does not);
 * - for a query sent with `x-consistent-with`, waits (bounded) until the read side holds those writes
 *   (those of an aggregate type the query projection follows, or untyped; a token for, say, insights passes).
 */
export function requestGuardPlugin(waitMs: number, notices?: ProjectionNotices): ApolloServerPlugin<SubgraphContext> {
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
          if (!(await waitForProjection(contextValue.readDb, queryProjection, writes, waitMs, queryProjectedTypes, notices))) {
            throw apiError('CONSISTENCY_TIMEOUT', `the read side did not catch up with the write within ${waitMs} ms; retry shortly`);
          }
        },
      };
    },
  };
}

function isSchemaFetch(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every(
      (s) => s.kind === Kind.FIELD && (s.name.value === '_service' || s.name.value === '__typename'),
    )
  );
}
