// The notifications subgraph process: the GraphQL server, an ops server whose readiness is "the notifications
// DB answers", and a graceful shutdown (runRole).
import { devCallerSecret } from '@mindflow/auth';
import { devCallerSecretWarning, runRole } from '@mindflow/platform';
import { devUnsubscribeSecret } from './delivery/delivery-config.js';
import { notificationsSubgraphConfigSchema } from './subgraph/config.js';
import { startNotificationsSubgraph } from './subgraph/start-notifications-subgraph.js';

await runRole({
  name: 'notifications-subgraph',
  config: notificationsSubgraphConfigSchema,
  warnings: (config) => [
    config.INTERNAL_CALLER_SECRET === devCallerSecret && devCallerSecretWarning,
    config.NOTIFICATIONS_UNSUBSCRIBE_SECRET === devUnsubscribeSecret && 'NOTIFICATIONS_UNSUBSCRIBE_SECRET is the dev default: set one before deploying',
  ],
  start: (config, { log }) => startNotificationsSubgraph(config, { log }),
  closeAs: 'notifications subgraph',
  ready: (subgraph) => ({ notificationsDatabase: async () => (await subgraph.pool.query('SELECT 1')).rowCount === 1 }),
  started: { message: 'notifications subgraph ready', fields: (subgraph) => ({ url: subgraph.url }) },
});
