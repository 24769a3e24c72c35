import { typedConsistencyToken } from '@mindflow/event-log';
import type { AggregateType } from '@mindflow/events';
import { CommandRejected, type CommandMetadata } from './command-client/command-port.js';
import { authenticated, type SubgraphContext } from '../context.js';
import { apiError, badUserInput, type ErrorCode } from '../errors.js';

// Mutations validate nothing the command service validates (it owns the rules); they translate the
// request into a command, the command service's answer into the payload, and its refusals into API codes.

/** The caller, correlation id and (for creates that take one) idempotency key of a command. */
export function metadata(context: SubgraphContext, idempotencyKey?: string | null): CommandMetadata {
  const { caller } = authenticated(context);
  if (idempotencyKey !== undefined && idempotencyKey !== null && !/^[\x21-\x7e]{1,128}$/.test(idempotencyKey)) {
    throw badUserInput('idempotencyKey must be 1 to 128 printable ASCII characters', 'idempotencyKey');
  }
  return { userId: caller.userId, correlationId: context.correlationId, idempotencyKey: idempotencyKey ?? undefined, roles: caller.roles };
}

/**
 * The command service's refusals become API codes, with the field (BAD_USER_INPUT), the current version
 * (CONFLICT) or the retry delay (RATE_LIMITED). UNAVAILABLE and TIMEOUT tell the client a retry (with the
 * same idempotencyKey) is safe. Internal failures are not the caller's business: they stay unmapped and masked.
 */
const passedOn = new Set<string>([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE',
  'UNAVAILABLE', 'TIMEOUT',
]);

export async function send<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    if (!(error instanceof CommandRejected) || !passedOn.has(error.failure.code)) throw error;
    const { code, message, field, currentVersion, retryAfterMs } = error.failure;
    throw apiError(code as ErrorCode, message, {
      ...(field ? { field } : {}),
      ...(currentVersion !== undefined ? { currentVersion } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : {}),
    });
  }
}


/**
 * The command's answer with its consistency token typed by the aggregate written
 * (`base64url("<aggregateType>:<aggregateId>:<version>")`, CONVENTIONS.md): a subgraph that does not
 * project that type then serves a read sent with it at once instead of waiting for a write it never sees.
 */
export async function sendTyped<T extends { readonly consistencyToken: string }>(aggregateType: AggregateType, command: () => Promise<T>): Promise<T> {
  const answer = await send(command);
  return { ...answer, consistencyToken: typedConsistencyToken(aggregateType, answer.consistencyToken) };
}
