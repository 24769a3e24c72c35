// The gateway process: the GraphQL endpoint, live notifications, every role's state in /health/ready's body, an
// ops server and a graceful shutdown (runRole).
import { devCallerSecret } from '@mindflow/auth';
import { devCallerSecretWarning, runRole } from '@mindflow/platform';
import { gatewayConfigSchema } from './config.js';
import { parseRoleHealthUrls, watchRoles } from './health/role-states.js';
import { startGateway } from './start-gateway.js';
import { startLiveNotifications } from './subscriptions/live-notifications.js';

await runRole({
  name: 'gateway',
  config: gatewayConfigSchema,
  // Fine on a laptop, fatal in a deployment: say so loudly rather than refuse (npm start needs no setup).
  warnings: (config) => [
    config.INTERNAL_CALLER_SECRET === devCallerSecret && devCallerSecretWarning,
    !config.AUTH_JWKS_URL && !config.AUTH_PUBLIC_KEY && 'no AUTH_JWKS_URL or AUTH_PUBLIC_KEY: verifying tokens with the dev key in .cache/dev-keys',
  ],
  async start(config, { log, metrics, onClose }) {
    // Subscriptions hear about changes through Redis (distributed) or from the outbox in-process (embedded).
    const live = await startLiveNotifications(config, log, metrics);
    onClose('live notifications', () => live.close());
    const gateway = await startGateway(config, { log, notifications: live.bus, metrics });
    onClose('gateway', () => gateway.close());
    // Every role's state in /health/ready's body, gathered in the background: information, never the gateway's
    // readiness (RELIABILITY.md, "Self-healing").
    const roles = watchRoles({
      healthUrls: parseRoleHealthUrls(config.GATEWAY_ROLE_HEALTH_URLS),
      ...(config.MINDFLOW_STATUS_FILE ? { statusFile: config.MINDFLOW_STATUS_FILE } : {}),
    });
    onClose('role watch', () => roles.close());
    return { url: gateway.url, live, roles };
  },
  ready: ({ live }) => ({ graphql: () => true, notifications: () => live.isReady() }),
  details: ({ roles }) => {
    const states = roles.snapshot();
    return states ? { roles: states.roles, allRolesReady: states.allReady, rolesFrom: states.sources } : {};
  },
  started: { message: 'gateway ready', fields: ({ url }) => ({ url }) },
});
