// The insights subgraph process: the GraphQL server, an ops server whose readiness is "the insights DB answers",
// and a graceful shutdown (runRole).
import { devCallerSecret } from '@mindflow/auth';
import { devCallerSecretWarning, runRole } from '@mindflow/platform';
import { insightsSubgraphConfigSchema } from './subgraph/config.js';
import { startInsightsSubgraph } from './subgraph/start-insights-subgraph.js';

await runRole({
  name: 'insights-subgraph',
  config: insightsSubgraphConfigSchema,
  warnings: (config) => [config.INTERNAL_CALLER_SECRET === devCallerSecret && devCallerSecretWarning],
  start: (config, { log }) => startInsightsSubgraph(config, { log }),
  closeAs: 'insights subgraph',
  ready: (subgraph) => ({ insightsDatabase: async () => (await subgraph.pool.query('SELECT 1')).rowCount === 1 }),
  started: { message: 'insights subgraph ready', fields: (subgraph) => ({ url: subgraph.url }) },
});
