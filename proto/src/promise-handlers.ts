import type { Metadata, ServerUnaryCall, ServiceDefinition, UntypedServiceImplementation, sendUnaryData } from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import { readCallContext, type CallContext } from './call-metadata.js';
import { isApiError } from './errors/api-error.js';
import { isServiceError, toServiceError } from './errors/error-mapping.js';

/** What a promise handler gets besides the request. */
export interface HandlerCall {
  /** x-user-id, x-correlation-id, x-idempotency-key. */
  context: CallContext;
  metadata: Metadata;
  /** Aborted when the client cancels or its deadline passes. */
  signal: AbortSignal;
}

type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };

/** `CreateJournal: MethodDefinition<...>` becomes `createJournal(request, call): Promise<result>`. */
export type PromiseHandlers<D> = {
  [K in KnownKeys<D> & string as Uncapitalize<K>]: D[K] extends MethodDefinition<infer _Req, infer Res, infer ReqOut, infer _ResOut>
    ? (request: ReqOut, call: HandlerCall) => Promise<Res>
    : never;
};

export interface PromiseHandlersOptions {
  /**
   * Called with anything a handler throws that is neither an ApiError nor a gRPC error; the client gets
   * INTERNAL with a generic message, so log it here.
   */
  onUnexpectedError?: (error: unknown, rpc: string) => void;
}

/**
 * grpc-js handlers from async functions, for `server.addService(definition, promiseHandlers(definition, ...))`.
 * A handler that throws an ApiError answers with `toServiceError(error)`; one that throws a ServiceError
 * answers with it as it is. Handlers left out answer UNIMPLEMENTED.
 */
export function promiseHandlers<D extends ServiceDefinition>(
  definition: D,
  handlers: Partial<PromiseHandlers<D>>,
  options: PromiseHandlersOptions = {},
): UntypedServiceImplementation {
  const implementation: UntypedServiceImplementation = {};
  for (const rpc of Object.keys(definition)) {
    const handler = (handlers as Record<string, ((request: unknown, call: HandlerCall) => Promise<unknown>) | undefined>)[
      rpc.charAt(0).toLowerCase() + rpc.slice(1)];
    if (!handler) continue;
    implementation[rpc] = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      const aborted = new AbortController();
      call.once('cancelled', () => aborted.abort());
      handler(call.request, { context: readCallContext(call.metadata), metadata: call.metadata, signal: aborted.signal })
        .then((result) => callback(null, result))
        .catch((error: unknown) => {
          if (isServiceError(error)) return callback(error);
          if (isApiError(error)) return callback(toServiceError(error));
          options.onUnexpectedError?.(error, rpc);
          callback(toServiceError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' }));
        });
    };
  }
  return implementation;
}
