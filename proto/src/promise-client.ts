import { Metadata, type Client, type ServiceDefinition } from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import { callMetadata, type CallContext } from './call-metadata.js';

export interface UnaryCallOptions {
  /** Milliseconds from now until the call fails with DEADLINE_EXCEEDED; default: the client's. */
  timeoutMs?: number;
  /** An absolute deadline; wins over timeoutMs. */
  deadline?: Date;
  /** Aborting cancels the call (it fails with CANCELLED). */
  signal?: AbortSignal;
}

type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };

/** `CreateJournal: MethodDefinition<Req, ...>` becomes `createJournal(request, metadata?, options?): Promise<Res>`. */
export type PromiseClient<D> = {
  [K in KnownKeys<D> & string as Uncapitalize<K>]: D[K] extends MethodDefinition<infer Req, infer _Res, infer _ReqOut, infer ResOut>
    ? (request: Req, metadata?: Metadata | CallContext, options?: UnaryCallOptions) => Promise<ResOut>
    : never;
};

/**
 * Promise methods for every unary rpc of a service definition, on top of a grpc-js client. A failed call
 * rejects with the grpc-js `ServiceError` (status, details, trailers): `fromServiceError` reads it.
 */
export function promiseMethods<D extends ServiceDefinition>(client: Client, definition: D, defaultTimeoutMs: number): PromiseClient<D> {
  const methods: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(definition)) {
    methods[name.charAt(0).toLowerCase() + name.slice(1)] = (
      request: unknown,
      metadata?: Metadata | CallContext,
      options?: UnaryCallOptions,
    ) => unaryCall(client, method, request, metadata, { ...options, timeoutMs: options?.timeoutMs ?? defaultTimeoutMs });
  }
  return methods as PromiseClient<D>;
}

function unaryCall(
  client: Client,
  method: ServiceDefinition[string],
  request: unknown,
  metadata: Metadata | CallContext | undefined,
  options: UnaryCallOptions & { timeoutMs: number },
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const deadline = options.deadline ?? Date.now() + options.timeoutMs;
    const onAbort = () => call.cancel();
    const call = client.makeUnaryRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      request,
      metadata instanceof Metadata ? metadata : callMetadata(metadata ?? {}),
      { deadline },
      (error, response) => {
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(response);
      },
    );
    if (options.signal?.aborted) call.cancel();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
