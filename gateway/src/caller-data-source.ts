import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { callerHeader, signCaller } from '@mindflow/auth';
import { correlationHeader, currentTraceparent, traceparentHeader } from '@mindflow/platform';
import type { GatewayContext } from './context.js';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/**
 * How the gateway talks to a subgraph: every request carries the caller, signed with the internal secret
 * (subgraphs trust that header, never a client's token), the correlation id, the trace context (when
 * tracing), and the client's consistency token. Requests the gateway makes on its own (health checks) carry no caller.
 */
export class CallerDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly callerSecret: string) {
    // Node's fetch (undici, connections kept alive) instead of Apollo's default make-fetch-happen, whose cache
    // layer, streams and agent checks were the gateway's largest CPU cost per subgraph call (BENCHMARKS.md, 5).
    super({ url, fetcher: graphqlAwareFetch as unknown as Fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('auth' in context)) return;
    const ctx = context as GatewayContext;
    if (ctx.auth.kind === 'user') {
      headers.set(callerHeader, signCaller({ userId: ctx.auth.user.userId, roles: ctx.auth.user.roles }, this.callerSecret));
    }
    headers.set(correlationHeader, ctx.correlationId);
    const traceparent = currentTraceparent();
    if (traceparent) headers.set(traceparentHeader, traceparent);
    if (ctx.consistentWith) headers.set('x-consistent-with', ctx.consistentWith);
  }
}

/**
 * Node's fetch, except that a `400` carrying a GraphQL response (GraphQL over HTTP: a request the subgraph refused,
 * e.g. a variable of a custom scalar such as `Date` it could not coerce, answered `BAD_USER_INPUT`) reaches Apollo
 * as the GraphQL response it is. Apollo's data source reads every non-2xx as a broken subgraph and would answer the
 * client `INTERNAL_SERVER_ERROR`; the gateway cannot check those scalars itself (they are opaque in the supergraph).
 */
export async function graphqlAwareFetch(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (response.status !== 400 || !/^application\/(graphql-response\+)?json\b/.test(response.headers.get('content-type') ?? '')) return response;
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
    }
  } catch {
    // not JSON after all: the 400 stands
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}
