// The identity process: configuration, ops server, accounts + sessions + subgraph + JWKS, graceful shutdown. Wiring only.
import { devCallerSecret } from '@mindflow/auth';
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { identityConfigSchema } from './identity-config.js';
import { startIdentityService } from './identity-service.js';

const config = loadConfig(identityConfigSchema);
const log = createLogger('identity', config.LOG_LEVEL);
const shutdown = new Shutdown(log);
if (config.INTERNAL_CALLER_SECRET === devCallerSecret) log.warn('INTERNAL_CALLER_SECRET is the dev default: set one before deploying');
if (!config.AUTH_PRIVATE_KEY) log.warn('no AUTH_PRIVATE_KEY: signing access tokens with the dev key pair in .cache/dev-keys');
shutdown.onSignals();
shutdown.add('tracing', startTracing('identity'));

const service = await startIdentityService(config, { log });
shutdown.add('identity service', () => service.close());
const ops = await startOpsServer({ port: config.OPS_PORT, service: 'identity', ready: { identity: () => service.ready() } });
shutdown.add('ops server', () => ops.close());
log.info({ subgraph: service.subgraphUrl, jwks: service.jwksUrl, ops: ops.port }, 'identity ready');
