import type { Metadata } from '@grpc/grpc-js';
import { inSpan, SpanKind, traceparentFrom, traceparentHeader, withLogContext } from '@mindflow/platform';
import type { Caller } from '../../application/caller.js';

/**
 * Handles one rpc inside the caller's flow: log lines carry the correlation id, and (tracing on) a server
 * span continues the subgraph's trace from the `traceparent` metadata, with the command's handling as its
 * child. The outbox rows the command writes keep that context (appendToOutbox).
 */
export function callInTrace<T>(rpc: string, metadata: Metadata, caller: Caller, work: () => Promise<T>): Promise<T> {
  const attributes = { 'rpc.system': 'grpc', 'rpc.service': 'mindflow.command.v1.CommandService', 'rpc.method': rpc, 'mindflow.correlation_id': caller.correlationId };
  return withLogContext({ correlationId: caller.correlationId }, () =>
    inSpan(`CommandService/${rpc}`, { kind: SpanKind.SERVER, parent: traceparentFrom(metadata.get(traceparentHeader)), attributes }, () =>
      inSpan(`handle ${rpc}`, {}, work)));
}
