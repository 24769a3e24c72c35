import { correlationHeader, correlationIdFrom } from '../correlation.js';
import { withLogContext } from './log-context.js';
import { inSpan, SpanKind, traceparentFrom, traceparentHeader } from './spans.js';

/** What Apollo Server's `executeHTTPGraphQLRequest` takes, as far as tracing cares (structural: no Apollo import). */
interface GraphQLHttpRequest {
  readonly httpGraphQLRequest: { readonly method: string; readonly headers: { get(name: string): string | undefined } };
}

/**
 * Makes every GraphQL request a server runs part of its caller's flow: the request's log lines carry its
 * `x-correlation-id`, and (tracing on) a server span continues the caller's `traceparent` around the whole
 * execution (context, resolvers, the calls they make). Works with any integration (standalone or a
 * handwritten HTTP server), since they all go through `executeHTTPGraphQLRequest`.
 */
export function traceGraphQLRequests<R extends GraphQLHttpRequest, A>(
  server: { executeHTTPGraphQLRequest(request: R): Promise<A> },
  spanName: string,
): void {
  const execute = server.executeHTTPGraphQLRequest.bind(server);
  server.executeHTTPGraphQLRequest = (request: R) => {
    const { headers, method } = request.httpGraphQLRequest;
    const correlationId = correlationIdFrom(headers.get(correlationHeader));
    return withLogContext({ correlationId }, () =>
      inSpan(spanName, {
        kind: SpanKind.SERVER,
        parent: traceparentFrom(headers.get(traceparentHeader)),
        attributes: { 'http.request.method': method, 'mindflow.correlation_id': correlationId },
      }, () => execute(request)));
  };
}
