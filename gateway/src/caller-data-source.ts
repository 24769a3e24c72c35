import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { callerHeader, callerTtlSeconds, signCaller } from '@mindflow/auth';
import { correlationHeader, currentTraceparent, traceparentHeader } from '@mindflow/platform';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from './context.js';
import { retryableHeader, subgraphFetch } from './subgraph-fetch.js';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/** One keep-alive client for every subgraph the gateway calls. */
const sharedFetch = subgraphFetch();

/**
 * How the gateway talks to a subgraph: every request carries the caller, signed with the internal secret
 * (subgraphs trust that header, never a client's token), the correlation id, the trace context (when
 * tracing), and the client's consistency token. Requests the gateway makes on its own (health checks) carry no caller.
 */
export class CallerDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Signed caller headers, reused while more than half their lifetime is left (one HMAC per caller per 30 s). */
  private readonly signed = new LRUCache<string, { header: string; renewAt: number }>({ max: 10_000 });

  constructor(url: string, private readonly callerSecret: string) {
    // node:http on keep-alive connections (subgraph-fetch.ts) instead of Apollo's default make-fetch-happen, whose
    // cache layer, streams and agent checks were the gateway's largest CPU cost per subgraph call (BENCHMARKS.md, 5),
    // and instead of Node's fetch, three to four times the CPU of node:http per call.
    super({ url, fetcher: sharedFetch as unknown as Fetcher });
  }

  private callerHeaderFor(userId: string, roles: readonly string[]): string {
    const key = `${userId} ${roles.join(' ')}`;
    const now = Date.now();
    const kept = this.signed.get(key);
    if (kept && kept.renewAt > now) return kept.header;
    const header = signCaller({ userId, roles }, this.callerSecret, callerTtlSeconds, new Date(now));
    this.signed.set(key, { header, renewAt: now + (callerTtlSeconds * 1000) / 2 });
    return header;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('auth' in context)) return;
    const ctx = context as GatewayContext;
    if (ctx.auth.kind === 'user') {
      headers.set(callerHeader, this.callerHeaderFor(ctx.auth.user.userId, ctx.auth.user.roles));
    }
    headers.set(correlationHeader, ctx.correlationId);
    const traceparent = currentTraceparent();
    if (traceparent) headers.set(traceparentHeader, traceparent);
    if (ctx.consistentWith) headers.set('x-consistent-with', ctx.consistentWith);
    // A read may be sent again after a connection failure; a mutation never (subgraph-fetch.ts).
    if (!/^\s*mutation\b/.test(request.query ?? '')) headers.set(retryableHeader, 'yes');
  }
}
