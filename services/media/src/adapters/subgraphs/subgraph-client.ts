import { callerHeader, signCaller, type Caller } from '@mindflow/auth';

// The exports read other services' records the way the gateway would: by calling their subgraphs directly, as the
// caller, so each service's own rules (owner only, deleted = absent, row-level security) apply unchanged and this
// service never reads their databases (EXPORT.md). One request = one newly signed caller header (60 s life): an
// export that runs for minutes never outlives its credentials.

/** A subgraph answered an error the caller may act on (e.g. CONSISTENCY_TIMEOUT), with its extensions. */
export class SubgraphError extends Error {
  constructor(
    message: string,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SubgraphError';
  }
}

export interface SubgraphCallerOptions {
  /** INTERNAL_CALLER_SECRET: signs the caller header as the gateway does. */
  readonly callerSecret: string;
  readonly caller: Caller;
  /** The client's x-consistent-with, forwarded untouched. */
  readonly consistentWith?: string | undefined;
  /** The request's correlation id, forwarded. */
  readonly correlationId?: string | undefined;
  readonly fetch?: typeof fetch;
}

export type SubgraphPost = <D>(query: string, variables?: Record<string, unknown>) => Promise<D>;

/** Posts GraphQL to one subgraph (`name` says which in errors) as the caller. */
export function subgraphClient(name: string, url: string, options: SubgraphCallerOptions): SubgraphPost {
  const send = options.fetch ?? fetch;
  return async <D>(query: string, variables: Record<string, unknown> = {}): Promise<D> => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [callerHeader]: signCaller(options.caller, options.callerSecret),
    };
    if (options.consistentWith) headers['x-consistent-with'] = options.consistentWith;
    if (options.correlationId) headers['x-correlation-id'] = options.correlationId;
    const response = await send(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    let answer: { data?: D | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      throw new Error(`the ${name} subgraph answered ${response.status} without GraphQL: ${text.slice(0, 200)}`);
    }
    const error = answer.errors?.[0];
    if (error) throw new SubgraphError(`the ${name} subgraph: ${error.message}`, error.extensions ?? {});
    if (!answer.data) throw new Error(`the ${name} subgraph answered ${response.status} without data`);
    return answer.data;
  };
}

interface Connection<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every node of a connection, page by page (`$first`, `$after`): one page in memory at a time. */
export async function* pages<N, D>(
  post: SubgraphPost,
  query: string,
  connectionOf: (data: D) => Connection<N> | null,
  variables: Record<string, unknown> = {},
  first = 100,
): AsyncGenerator<N[]> {
  let after: string | null = null;
  for (;;) {
    const connection = connectionOf(await post<D>(query, { ...variables, first, after }));
    if (!connection) return;
    yield connection.edges.map((edge) => edge.node);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
    after = connection.pageInfo.endCursor;
  }
}
