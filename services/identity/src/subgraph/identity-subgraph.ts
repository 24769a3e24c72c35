import { subgraphHandler, type SubgraphDefinition, type SubgraphHandler } from '@mindflow/subgraph';
import type { IdentityEnvironment } from '../application/identity-environment.js';
import { buildContext, type IdentityContext } from './context.js';
import { signInRequired } from './errors.js';
import { resolvers } from './resolvers/index.js';
import { schemaPath } from './schema.js';

export type IdentitySubgraph = SubgraphHandler;

/**
 * The identity subgraph on the shared subgraph runtime, served by identity's own HTTP server (which also
 * serves the JWKS). Without a caller the gateway vouches for, only signing in and out (and the SDL) run;
 * everything else (`me`, `_entities`) is refused.
 */
export function startIdentitySubgraph(env: IdentityEnvironment, callerSecret: string): Promise<IdentitySubgraph> {
  const definition: SubgraphDefinition<IdentityContext> = {
    name: 'identity-subgraph',
    schemaPath,
    resolvers,
    context: (req) => buildContext(req.headers, env, callerSecret, req.socket.remoteAddress),
    unauthenticated: signInRequired,
    openFields: { mutation: ['register', 'login', 'refreshSession', 'logout', 'requestPasswordReset', 'resetPassword'] },
  };
  return subgraphHandler(definition, {
    log: env.log,
    respond(context, res) {
      if (context.setCookies.length > 0) res.setHeader('set-cookie', context.setCookies);
      res.setHeader('cache-control', 'no-store');
    },
  });
}
