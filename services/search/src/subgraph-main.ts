// The search subgraph process: configuration from the environment, the GraphQL server, an ops server
// (OPS_PORT) whose readiness is "the read DB answers", and a graceful shutdown.
import { devCallerSecret } from '@mindflow/auth';
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { searchSubgraphConfigSchema } from './subgraph/config.js';
import { startSearchSubgraph } from './subgraph/start-search-subgraph.js';

const config = loadConfig(searchSubgraphConfigSchema);
const log = createLogger('search-subgraph');
const shutdown = new Shutdown(log);
if (config.INTERNAL_CALLER_SECRET === devCallerSecret) log.warn('INTERNAL_CALLER_SECRET is the dev default: set one before deploying');
shutdown.onSignals();
shutdown.add('tracing', startTracing('search-subgraph'));

const subgraph = await startSearchSubgraph(config, { log });
shutdown.add('search subgraph', () => subgraph.close());
const ops = await startOpsServer({
  port: config.OPS_PORT,
  service: 'search-subgraph',
  ready: { readDatabase: async () => (await subgraph.readPool.query('SELECT 1')).rowCount === 1 },
});
shutdown.add('ops server', () => ops.close());
log.info({ url: subgraph.url, index: subgraph.index.kind, opsPort: ops.port }, 'search subgraph ready');
