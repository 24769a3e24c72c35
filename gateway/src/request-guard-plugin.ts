import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { Kind, OperationTypeNode, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
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
  const withinLimits = passedLimitsMemo(limits);
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation(requestContext) {
          const refused = refusalOf(requestContext, withinLimits);
          return refused ? Promise.reject(refused) : Promise.resolve();
        },
      });
    },
  };
}

/** The error a request is refused with, or undefined when it may run. */
function refusalOf(
  { contextValue, operation, document, schema, request }: GraphQLRequestContextDidResolveOperation<GatewayContext>,
  limitError: LimitCheck,
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
  const tooMuch = limitError(schema, document, operation, request.variables);
  if (tooMuch) return tooMuch;
  const unstorable = unstorableTextError(document, request.variables);
  if (unstorable) return unstorable;
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
    return gatewayError('BAD_REQUEST', 'subscriptions are served over WebSocket (graphql-transport-ws) at this same URL', 400);
  }
  return undefined;
}

type LimitCheck = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
) => GraphQLError | undefined;

/**
 * `operationLimitError`, remembering which (document, operation, variables) passed: a client sends the same few
 * documents with the same small variables again and again, and measuring depth, fields, aliases and cost was 16 %
 * of Apollo's request pipeline in the gateway's profile (BENCHMARKS.md, issue 12). The verdict depends on nothing
 * else (the limits are this plugin's, the schema is checked). Apollo keeps one parsed DocumentNode per query text,
 * so the document object is the key (held weakly). Queries only; variables longer than 1 KiB are not remembered, and
 * at most 64 variable sets per document. A refusal is never remembered: it is computed again.
 */
function passedLimitsMemo(limits: GuardLimits): LimitCheck {
  const passed = new WeakMap<DocumentNode, { schema: GraphQLSchema; keys: Set<string> }>();
  return (schema, document, operation, variables) => {
    // Reads only: a mutation's variables carry content, which would cost more to key than to measure.
    if (operation.operation !== OperationTypeNode.QUERY) return operationLimitError(schema, document, operation, variables, limits);
    const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    const known = passed.get(document);
    if (known?.schema === schema && known.keys.has(key)) return undefined;
    const error = operationLimitError(schema, document, operation, variables, limits);
    if (error || key.length > 1024) return error;
    const entry = known?.schema === schema ? known : { schema, keys: new Set<string>() };
    if (entry !== known) passed.set(document, entry);
    if (entry.keys.size >= 64) entry.keys.delete(entry.keys.values().next().value!);
    entry.keys.add(key);
    return undefined;
  };
}

/** Only `__schema`, `__type` and `__typename` at the root. */
function isIntrospection(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))
  );
}
