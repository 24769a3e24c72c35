// The search subgraph process: the GraphQL server, an ops server whose readiness is "the read DB answers", and a
// graceful shutdown (runRole).
import { devCallerSecret } from '@mindflow/auth';
import { devCallerSecretWarning, runRole } from '@mindflow/platform';
import { searchSubgraphConfigSchema } from './subgraph/config.js';
import { startSearchSubgraph } from './subgraph/start-search-subgraph.js';

await runRole({
  name: 'search-subgraph',
  config: searchSubgraphConfigSchema,
  warnings: (config) => [config.INTERNAL_CALLER_SECRET === devCallerSecret && devCallerSecretWarning],
  start: (config, { log }) => startSearchSubgraph(config, { log }),
  closeAs: 'search subgraph',
  ready: (subgraph) => ({ readDatabase: async () => (await subgraph.readPool.query('SELECT 1')).rowCount === 1 }),
  started: { message: 'search subgraph ready', fields: (subgraph) => ({ url: subgraph.url, index: subgraph.index.kind }) },
});
