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
    super({ url, fetcher: globalThis.fetch as unknown as Fetcher });
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
