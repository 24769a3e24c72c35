import { currentTraceparent, inSpan, SpanKind } from '@mindflow/platform';
import { fromServiceError, type DeleteResult } from '@mindflow/proto';
import { CommandRejected, type CommandMetadata, type Deleted, type Written } from './command-port.js';

/**
 * Runs one rpc; a failure arrives as an `ApiError` (`fromServiceError`) and leaves as `CommandRejected`.
 * With tracing on the call is a client span, whose context `callContext` sends as `traceparent` metadata.
 */
export async function commandCall<T>(send: () => Promise<T>): Promise<T> {
  return inSpan('CommandService call', { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'grpc' } }, async () => {
    try {
      return await send();
    } catch (error) {
      throw new CommandRejected(fromServiceError(error));
    }
  });
}

/** The call metadata of command.proto: caller, their roles, correlation id, transport-level idempotency key. */
export function callContext(metadata: CommandMetadata) {
  return {
    userId: metadata.userId,
    correlationId: metadata.correlationId,
    ...(metadata.idempotencyKey ? { idempotencyKey: metadata.idempotencyKey } : {}),
    ...(metadata.roles && metadata.roles.length > 0 ? { roles: metadata.roles.join(',') } : {}),
    ...traceparentField(),
  };
}

/** The active (client) span's context, when tracing. */
function traceparentField(): { traceparent?: string } {
  const traceparent = currentTraceparent();
  return traceparent ? { traceparent } : {};
}

/** The request field `idempotency_key` of the creates that have one (it wins over the metadata key). */
export function idempotencyField(metadata: CommandMetadata) {
  return metadata.idempotencyKey ? { idempotencyKey: metadata.idempotencyKey } : {};
}

export function written<W, R>(value: W | null | undefined, consistencyToken: string, toRecord: (value: W) => R): Written<R> {
  // A result without its object breaks the contract of command.proto; say so rather than return nulls.
  if (!value) throw new CommandRejected({ code: 'INTERNAL_SERVER_ERROR', message: 'the command service answered without the written object' });
  return { record: toRecord(value), consistencyToken };
}

export function deleted(result: Required<Pick<DeleteResult, 'id' | 'version' | 'deletedAt' | 'consistencyToken'>>): Deleted {
  return { id: result.id, version: result.version, deletedAt: new Date(result.deletedAt), consistencyToken: result.consistencyToken };
}

/**
 * A patch as command.proto's partial updates want it: set fields carry their value, fields set to null
 * are named in `clearedFields` (the command service refuses, by name, a field that cannot be cleared).
 */
export function partialUpdate<K extends string>(patch: { readonly [F in K]?: unknown }, fields: readonly K[]) {
  const set: Record<string, unknown> = {};
  const clearedFields: string[] = [];
  for (const field of fields) {
    const value = patch[field];
    if (value === null) clearedFields.push(field);
    else if (value !== undefined) set[field] = value;
  }
  return { set, clearedFields };
}

/** proto3 `optional` fields are left out when null or undefined. */
export const optional = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
