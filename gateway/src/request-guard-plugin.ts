import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { Kind, OperationTypeNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from './context.js';
import { isSignInOperation } from './auth/sign-in-operations.js';
import { gatewayError } from './errors.js';
import { operationLimitError, type OperationLimits } from './limits/operation-limits.js';
import { unstorableTextError } from './limits/text-inputs.js';

export type GuardLimits = OperationLimits;

/**
 * Runs once the operation is parsed and validated, before any subgraph is called:
 * - an invalid token is refused (401) whatever the operation;
 * - without a token only introspection is allowed (the playground loads the schema before you paste a
 *   token) and the sign-in mutations (register, login, refreshSession, logout), which also ignore an
 *   invalid token: a client replacing an expired or logged-out token still sends it;
 * - operations deeper, wider, more aliased or costlier than the limits are refused with QUERY_TOO_COMPLEX;
 * - text no subgraph can store as sent (NUL, unpaired surrogates) is refused with BAD_USER_INPUT;
 * - subscriptions are refused here: they are served over WebSocket on the same URL.
 */
export function requestGuardPlugin(limits: GuardLimits): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation(requestContext) {
          const refused = refusalOf(requestContext, limits);
          return refused ? Promise.reject(refused) : Promise.resolve();
        },
      });
    },
  };
}

/** The error a request is refused with, or undefined when it may run. */
function refusalOf(
  { contextValue, operation, document, schema, request }: GraphQLRequestContextDidResolveOperation<GatewayContext>,
  limits: GuardLimits,
): GraphQLError | undefined {
  const { auth } = contextValue;
  const open = operation !== undefined && operation !== null && (isIntrospection(operation) || isSignInOperation(operation));
  if (auth.kind === 'invalid' && !open) return gatewayError('UNAUTHENTICATED', auth.reason, 401);
  if (auth.kind === 'anonymous' && !open) {
    return gatewayError('UNAUTHENTICATED', 'sign in: send Authorization: Bearer <access token>', 401);
  }
  // No operation to run (an operationName the document lacks, or several operations and no name):
  // the client's mistake, answered as such instead of failing later inside the gateway (a 500).
  if (!operation) {
    return gatewayError('BAD_REQUEST', request.operationName
      ? `the document has no operation named "${request.operationName}"`
      : 'the document has several operations: name the one to run in operationName', 400);
  }
  const tooMuch = operationLimitError(schema, document, operation, request.variables, limits);
  if (tooMuch) return tooMuch;
  const unstorable = unstorableTextError(document, request.variables);
  if (unstorable) return unstorable;
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
    return gatewayError('BAD_REQUEST', 'subscriptions are served over WebSocket (graphql-transport-ws) at this same URL', 400);
  }
  return undefined;
}

/** Only `__schema`, `__type` and `__typename` at the root. */
function isIntrospection(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))
  );
}
