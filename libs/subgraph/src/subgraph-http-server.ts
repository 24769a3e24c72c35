import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '@mindflow/platform';
import type { SubgraphHandler } from './subgraph-definition.js';

export interface SubgraphHttpServer {
  /** `http://host:port` */
  readonly origin: string;
  close(): Promise<void>;
}

/** A route besides GraphQL: answers and returns true, or returns false to leave the request to the next step. */
export type SubgraphHttpRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

export interface SubgraphHttpOptions {
  /** The service's name, in its logs. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly subgraph: SubgraphHandler;
  /** Tried before GraphQL (identity's JWKS and session check, the emails' one-click unsubscribe). */
  readonly routes?: SubgraphHttpRoute;
  readonly log: Logger;
  /** Largest GraphQL request body read; 256 KiB unless set. */
  readonly maxBodyBytes?: number;
}

/**
 * A service's one HTTP port when it serves more than its subgraph: `routes` first, then GraphQL at `/graphql`
 * (and `/`) through a `subgraphHandler`, anything else 404. A body over `maxBodyBytes` is answered with a
 * GraphQL error, 200, on a connection then closed; JSON that does not parse gets 400.
 */
export async function serveSubgraphHttp(options: SubgraphHttpOptions): Promise<SubgraphHttpServer> {
  const { subgraph, log } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error({ err: error, path: req.url?.split('?')[0] }, `${options.name} request failed`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${options.name}`);
    if (options.routes && (await options.routes(req, res, url))) return;
    if (url.pathname !== '/graphql' && url.pathname !== '/') return sendJson(res, 404, { error: 'not found' });
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      if (raw === null) {
        // The rest of the body is never read, so this connection cannot carry another request: close it (kept
        // alive, the gateway's next request on it failed). And 200, not 413: the gateway reads a non-2xx answer
        // as a broken subgraph and would turn PAYLOAD_TOO_LARGE into an internal error.
        res.setHeader('connection', 'close');
        return sendJson(res, 200, { errors: [{ message: 'request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      try {
        body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    return subgraph.handle(req, res, body, url.search);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    origin: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }),
  };
}

/** A JSON answer that no cache keeps. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The body, or null once it passes `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
