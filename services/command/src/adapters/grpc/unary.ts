import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import type { Logger } from '@mindflow/platform';
import { toServiceError } from '@mindflow/proto';
import type { Caller } from '../../application/caller.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import { apiErrorOf } from './api-error-of.js';
import { callInTrace } from './call-in-trace.js';
import { callerFromMetadata } from './caller-from-metadata.js';

export type UnaryHandler<Req, Res> = (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void;

/**
 * One rpc at the edge: who calls (metadata), the work, and the single place where refusals become gRPC
 * statuses. Logs one line per call with the correlation id and outcome, never the request (entry text is
 * private); an unexpected error is logged in full and answered as INTERNAL without its message.
 */
export function unary<Req, Res>(
  rpc: string,
  log: Logger,
  work: (request: Req, caller: Caller) => Promise<Res | DomainError>,
): UnaryHandler<Req, Res> {
  return (call, callback) => {
    const started = performance.now();
    const caller = callerFromMetadata(call.metadata);
    if (!caller) {
      log.warn({ rpc }, 'call without a valid x-user-id');
      callback(toServiceError({ code: 'UNAUTHENTICATED', message: 'x-user-id metadata with the caller id is required' }));
      return;
    }
    const fields = { rpc, correlationId: caller.correlationId, userId: caller.userId };
    // The outcome is logged inside the call's trace, so its line carries the trace and span ids too.
    void callInTrace(rpc, call.metadata, caller, () => work(call.request, caller).then(
      (result) => {
        const ms = Math.round(performance.now() - started);
        if (isDomainError(result)) {
          const refusal = result;
          log.info({ ...fields, ms, code: refusal.code, field: 'field' in refusal ? refusal.field : undefined }, 'command refused');
          callback(toServiceError(apiErrorOf(refusal)));
        } else {
          log.info({ ...fields, ms }, 'command done');
          callback(null, result);
        }
      },
      (error: unknown) => {
        log.error({ ...fields, err: error }, 'command failed');
        callback(toServiceError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' }));
      },
    ));
  };
}
