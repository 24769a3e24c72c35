import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationTypeNode } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { SessionCheck } from './session-check.js';

/** Mutations that end sessions: logging out, and deleting the account (which ends every session of it). */
const sessionEnding = new Set(['logout', 'deleteAccount']);

/**
 * A logout (or an account deletion) that passed through this gateway empties its session cache before the answer
 * leaves, so the client's very next request with the old token is refused (other replicas see it within the
 * cache's ttl).
 */
export function sessionCachePlugin(sessions: SessionCheck | undefined): ApolloServerPlugin<GatewayContext> {
  if (!sessions?.forget) return {};
  const forget = sessions.forget;
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ operation }) {
          const ending = operation?.operation === OperationTypeNode.MUTATION &&
            operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && sessionEnding.has(s.name.value));
          if (ending) forget();
          return Promise.resolve();
        },
      });
    },
  };
}
