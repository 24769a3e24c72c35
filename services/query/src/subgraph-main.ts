// The query subgraph process: the GraphQL server, an ops server whose readiness is "the read DB answers", and a
// graceful shutdown (runRole).
import { devCallerSecret } from '@mindflow/auth';
import { devCallerSecretWarning, runRole } from '@mindflow/platform';
import { querySubgraphConfigSchema } from './subgraph/config.js';
import { startQuerySubgraph } from './subgraph/start-query-subgraph.js';

await runRole({
  name: 'query-subgraph',
  config: querySubgraphConfigSchema,
  warnings: (config) => [config.INTERNAL_CALLER_SECRET === devCallerSecret && devCallerSecretWarning],
  start: (config, { log }) => startQuerySubgraph(config, { log }),
  closeAs: 'query subgraph',
  ready: (subgraph) => ({ readDatabase: async () => (await subgraph.pool.query('SELECT 1')).rowCount === 1 }),
  started: { message: 'query subgraph ready', fields: (subgraph) => ({ url: subgraph.url }) },
});
