import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { publicJwks, type SigningKeys } from '@mindflow/auth';
import type { Logger } from '@mindflow/platform';
import { isSessionLive } from '../../application/accounts.js';
import type { IdentityEnvironment } from '../../application/identity-environment.js';
import type { IdentitySubgraph } from '../../subgraph/identity-subgraph.js';

export interface IdentityHttpServer {
  /** `http://host:port` */
  readonly origin: string;
  close(): Promise<void>;
}

export interface IdentityHttpOptions {
  readonly host: string;
  readonly port: number;
  readonly env: IdentityEnvironment;
  readonly subgraph: IdentitySubgraph;
  readonly keys: SigningKeys;
  readonly log: Logger;
  readonly maxBodyBytes?: number;
}

/** Path of the JWKS document the gateway verifies access tokens with (AUTH_JWKS_URL). */
export const jwksPath = '/.well-known/jwks.json';
/** `GET /internal/sessions/<sid>`: 200 while the session is live, 404 once it ended (the gateway's liveness check). */
export const sessionsPath = '/internal/sessions/';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Identity's one HTTP port: the subgraph at `/graphql`, the public keys at `/.well-known/jwks.json`, and
 * the session liveness check. Only the gateway should reach it (loopback unless IDENTITY_HOST says otherwise).
 */
export async function serveIdentityHttp(options: IdentityHttpOptions): Promise<IdentityHttpServer> {
  const { env, subgraph, log } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const jwks = JSON.stringify(await publicJwks(options.keys));

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error({ err: error, url: req.url }, 'identity request failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://identity');
    if (url.pathname === jwksPath && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300' });
      return void res.end(jwks);
    }
    if (url.pathname.startsWith(sessionsPath) && req.method === 'GET') {
      const sessionId = url.pathname.slice(sessionsPath.length);
      const live = uuid.test(sessionId) && (await isSessionLive(env, sessionId));
      return send(res, live ? 200 : 404, { live });
    }
    if (url.pathname === '/graphql' || url.pathname === '/') {
      let body: unknown;
      if (req.method === 'POST') {
        const raw = await readBody(req, maxBodyBytes);
        if (raw === null) {
          // The rest of the body is never read, so this connection cannot carry another request: close it
          // (kept alive, the gateway's next request on it failed). And 200, not 413: the gateway reads a
          // non-2xx answer as a broken subgraph and would turn PAYLOAD_TOO_LARGE into an internal error.
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
    send(res, 404, { error: 'not found' });
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
