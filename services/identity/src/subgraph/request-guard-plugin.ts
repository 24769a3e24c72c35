import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { IdentityContext } from './context.js';
import { signInRequired } from './errors.js';

/** What may run without a caller the gateway vouches for: signing in and out, and reading the SDL. */
const openMutations = new Set(['register', 'login', 'refreshSession', 'logout', '__typename']);
const openQueries = new Set(['_service', '__typename']);

/** Refuses everything else (`me`, `_entities`) when no valid caller header came with the request. */
export function requestGuardPlugin(): ApolloServerPlugin<IdentityContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.caller || (operation && isOpen(operation))) return;
          throw signInRequired();
        },
      };
    },
  };
}

function isOpen(operation: OperationDefinitionNode): boolean {
  const open = operation.operation === 'mutation' ? openMutations : operation.operation === 'query' ? openQueries : new Set<string>();
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && open.has(s.name.value));
}
