// The gateway process: configuration from the environment, the GraphQL endpoint, an ops server (OPS_PORT)
// and a graceful shutdown.
import { devCallerSecret } from '@mindflow/auth';
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { gatewayConfigSchema } from './config.js';
import { parseRoleHealthUrls, watchRoles } from './health/role-states.js';
import { startGateway } from './start-gateway.js';
import { startLiveNotifications } from './subscriptions/live-notifications.js';

const config = loadConfig(gatewayConfigSchema);
const log = createLogger('gateway');
const shutdown = new Shutdown(log);
// Fine on a laptop, fatal in a deployment: say so loudly rather than refuse (npm start needs no setup).
if (config.INTERNAL_CALLER_SECRET === devCallerSecret) log.warn('INTERNAL_CALLER_SECRET is the dev default: set one before deploying');
if (!config.AUTH_JWKS_URL && !config.AUTH_PUBLIC_KEY) log.warn('no AUTH_JWKS_URL or AUTH_PUBLIC_KEY: verifying tokens with the dev key in .cache/dev-keys');
shutdown.onSignals();
shutdown.add('tracing', startTracing('gateway'));

const metrics = new Registry();
// Subscriptions hear about changes through Redis (distributed) or from the outbox in-process (embedded).
const live = await startLiveNotifications(config, log, metrics);
shutdown.add('live notifications', () => live.close());
const gateway = await startGateway(config, { log, notifications: live.bus, metrics });
shutdown.add('gateway', () => gateway.close());
// Every role's state in /health/ready's body, gathered in the background: information, never the gateway's readiness
// (RELIABILITY.md, "Self-healing").
const roles = watchRoles({
  healthUrls: parseRoleHealthUrls(config.GATEWAY_ROLE_HEALTH_URLS),
  ...(config.MINDFLOW_STATUS_FILE ? { statusFile: config.MINDFLOW_STATUS_FILE } : {}),
});
shutdown.add('role watch', async () => roles.close());
const ops = await startOpsServer({
  port: config.OPS_PORT, service: 'gateway', metrics,
  ready: { graphql: () => true, notifications: () => live.isReady() },
  details: () => {
    const states = roles.snapshot();
    return states ? { roles: states.roles, allRolesReady: states.allReady, rolesFrom: states.sources } : {};
  },
});
shutdown.add('ops server', () => ops.close());
log.info({ url: gateway.url, opsPort: ops.port }, 'gateway ready');
