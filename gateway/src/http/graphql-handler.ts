import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { BodyTooLargeError, readBody } from './read-body.js';

export interface GraphQLHandlerOptions<C extends BaseContext> {
  readonly apollo: ApolloServer<C>;
  readonly maxBodyBytes: number;
  /** Operations in one batched request (a JSON array body). */
  readonly maxBatch: number;
  readonly context: (req: IncomingMessage) => Promise<C>;
}

/**
 * GraphQL over HTTP for `@apollo/server` on plain `node:http`: we own the server (body limit, CORS, later the
 * subscriptions WebSocket and the playground on the same port) instead of Express or the standalone server.
 */
export function graphqlHandler<C extends BaseContext>(options: GraphQLHandlerOptions<C>) {
  return async (req: IncomingMessage, res: ServerResponse, search: string): Promise<void> => {
    let body: unknown;
    if (req.method === 'POST') {
      let raw: Buffer;
      try {
        raw = await readBody(req, options.maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        res.setHeader('connection', 'close'); // do not read the rest of an oversized upload
        return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${options.maxBodyBytes} bytes`);
      }
      if (/^application\/(graphql-response\+)?json/i.test(req.headers['content-type'] ?? '')) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return sendError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
        }
        if (Array.isArray(body) && body.length > options.maxBatch) {
          return sendError(res, 400, 'QUERY_TOO_COMPLEX', `a batch of ${body.length} operations exceeds the limit of ${options.maxBatch}`);
        }
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search, body },
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
