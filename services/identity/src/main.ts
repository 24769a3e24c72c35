// The identity process: accounts, sessions, its subgraph and JWKS, an ops server and a graceful shutdown (runRole).
// Wiring only.
import { devCallerSecret } from '@mindflow/auth';
import { devCallerSecretWarning, runRole } from '@mindflow/platform';
import { identityConfigSchema } from './identity-config.js';
import { startIdentityService } from './identity-service.js';

await runRole({
  name: 'identity',
  config: identityConfigSchema,
  warnings: (config) => [
    config.INTERNAL_CALLER_SECRET === devCallerSecret && devCallerSecretWarning,
    !config.AUTH_PRIVATE_KEY && 'no AUTH_PRIVATE_KEY: signing access tokens with the dev key pair in .cache/dev-keys',
  ],
  start: (config, { log }) => startIdentityService(config, { log }),
  closeAs: 'identity service',
  ready: (service) => ({ identity: () => service.ready() }),
  started: { message: 'identity ready', fields: (service) => ({ subgraph: service.subgraphUrl, jwks: service.jwksUrl }) },
});
