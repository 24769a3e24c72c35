import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '@mindflow/platform';
import type { SubgraphHandler } from '@mindflow/subgraph';

export interface NotificationsHttpServer {
  /** `http://host:port` */
  readonly origin: string;
  close(): Promise<void>;
}

export interface NotificationsHttpOptions {
  readonly host: string;
  readonly port: number;
  readonly subgraph: SubgraphHandler;
  /** Routes besides GraphQL, by exact path (the one-click unsubscribe of the emails). */
  readonly routes: Readonly<Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>>;
  readonly log: Logger;
  readonly maxBodyBytes?: number;
}

/**
 * The notifications subgraph's one HTTP port: GraphQL at `/graphql` (and `/`), for the gateway, and `routes`
 * (`/unsubscribe`, the link in every email: README "Channels"). As identity's server.
 */
export async function serveNotificationsHttp(options: NotificationsHttpOptions): Promise<NotificationsHttpServer> {
  const { subgraph, log } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error({ err: error, path: req.url?.split('?')[0] }, 'notifications request failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://notifications');
    const extra = options.routes[url.pathname];
    if (extra) return extra(req, res);
    if (url.pathname !== '/graphql' && url.pathname !== '/') return send(res, 404, { error: 'not found' });
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      if (raw === null) {
        // 200, not 413: the gateway reads a non-2xx answer as a broken subgraph (as identity's server).
        res.setHeader('connection', 'close');
        return send(res, 200, { errors: [{ message: 'request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      try {
        body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch {
        return send(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
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

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
