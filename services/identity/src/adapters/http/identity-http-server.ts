import { publicJwks, type SigningKeys } from '@mindflow/auth';
import type { Logger } from '@mindflow/platform';
import { sendJson, serveSubgraphHttp, type SubgraphHttpServer } from '@mindflow/subgraph';
import { isSessionLive } from '../../application/accounts.js';
import type { IdentityEnvironment } from '../../application/identity-environment.js';
import type { IdentitySubgraph } from '../../subgraph/identity-subgraph.js';

export type IdentityHttpServer = SubgraphHttpServer;

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
  const { env } = options;
  const jwks = JSON.stringify(await publicJwks(options.keys));
  return serveSubgraphHttp({
    name: 'identity',
    host: options.host,
    port: options.port,
    subgraph: options.subgraph,
    log: options.log,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    routes: async (req, res, url) => {
      if (req.method !== 'GET') return false;
      if (url.pathname === jwksPath) {
        res.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300' });
        res.end(jwks);
        return true;
      }
      if (url.pathname.startsWith(sessionsPath)) {
        const sessionId = url.pathname.slice(sessionsPath.length);
        const live = uuid.test(sessionId) && (await isSessionLive(env, sessionId));
        sendJson(res, live ? 200 : 404, { live });
        return true;
      }
      return false;
    },
  });
}
