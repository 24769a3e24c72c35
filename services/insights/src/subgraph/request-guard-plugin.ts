import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { unauthenticated, type InsightsContext } from './context.js';

/**
 * Refuses anyone the gateway did not vouch for, `_entities` included (it returns user data); only the
 * federation `{ _service { sdl } }` query, which reveals nothing the SDL file does not, is open. Logs
 * unexpected resolver failures (never arguments or results) before they are masked.
 */
export function requestGuardPlugin(): ApolloServerPlugin<InsightsContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.caller) return;
          if (operation && isSchemaFetch(operation)) return;
          throw unauthenticated();
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
  if (formatted.extensions?.['code'] !== undefined && formatted.extensions['code'] !== 'INTERNAL_SERVER_ERROR') return formatted;
  return { ...formatted, message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
