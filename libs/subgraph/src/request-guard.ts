import type { ApolloServerPlugin } from '@apollo/server';
import { consistencyHeader, parseConsistencyTokens, waitForProjection, type ProjectionNotices } from '@mindflow/event-log';
import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { guardError } from './errors.js';
import type { SubgraphContextBase, SubgraphDefinition } from './subgraph-definition.js';

/** How long a client waits before asking again after CONSISTENCY_TIMEOUT (the read side is busy, not broken). */
export const consistencyRetryAfterMs = 1000;

/** Always open: the federation SDL fetch (`{ _service { sdl } }`) reveals nothing the SDL file does not. */
const alwaysOpenQueries = ['_service', '__typename'];

/**
 * Runs once the operation is known, before any resolver:
 * - refuses anyone the gateway did not vouch for, except the operations the definition leaves open;
 * - for a query sent with `x-consistent-with`, waits (bounded) until the read side holds those writes
 *   (those of an aggregate type the projection follows, or untyped; a token for another projection passes).
 */
export function requestGuardPlugin<C extends SubgraphContextBase>(
  definition: SubgraphDefinition<C>,
  notices: ProjectionNotices | undefined,
): ApolloServerPlugin<C> {
  const open = {
    query: new Set([...alwaysOpenQueries, ...(definition.openFields?.query ?? [])]),
    mutation: new Set(definition.openFields?.mutation?.length ? ['__typename', ...definition.openFields.mutation] : []),
  };
  const isOpen = (operation: OperationDefinitionNode) => {
    const fields = operation.operation === OperationTypeNode.QUERY ? open.query : operation.operation === OperationTypeNode.MUTATION ? open.mutation : new Set<string>();
    return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && fields.has(s.name.value));
  };
  const consistency = definition.readYourWrites;
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ contextValue, operation, request }) {
          if (!contextValue.caller) {
            if (operation && isOpen(operation)) return;
            throw definition.unauthenticated();
          }
          const consistentWith = request.http?.headers.get(consistencyHeader);
          if (!consistency || operation?.operation !== OperationTypeNode.QUERY || consistentWith === undefined) return;
          const writes = parseConsistencyTokens(consistentWith);
          if (!writes) throw guardError('BAD_USER_INPUT', 'x-consistent-with is not a consistency token this API returned', { field: 'x-consistent-with' });
          const { pool, projection, aggregateTypes, waitMs, subject } = consistency;
          if (!(await waitForProjection(pool, projection, writes, waitMs, aggregateTypes, notices))) {
            // Says what to do: the write is safe, only this read came too early; the client (or a person) asks again.
            throw guardError(
              'CONSISTENCY_TIMEOUT',
              `Your change is saved, but ${subject} has not shown it yet (waited ${waitMs} ms). ` +
                `Send the same query again, with the same x-consistent-with, in a moment (retryAfterMs).`,
              { retryAfterMs: consistencyRetryAfterMs },
            );
          }
          await consistency.afterWait?.(contextValue);
        },
      });
    },
  };
}

/** Unexpected failures are logged, with the request's correlation id (never arguments or results), before they are masked. */
export function errorLoggingPlugin<C extends SubgraphContextBase>(): ApolloServerPlugin<C> {
  return {
    // Neither hook can throw (they build an object, and log), so they return settled promises instead of being async.
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = error.extensions['code'];
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              contextValue.log.error({ err: loggable(error.originalError ?? error), path: error.path }, 'resolver failed');
            }
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * What of a failure goes to the log: its kind, message, code and stack. Not the rest of its fields: a pg error's
 * `detail` and `where` can quote row values (`Key (…)=(…)`), which are users' data.
 */
function loggable(error: Error): { type: string; message: string; code?: unknown; stack?: string } {
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(code === undefined ? {} : { code }), ...(error.stack ? { stack: error.stack } : {}) };
}
