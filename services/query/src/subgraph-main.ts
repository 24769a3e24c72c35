// The query subgraph process: configuration from the environment, the GraphQL server, an ops server
// (OPS_PORT) whose readiness is "the read DB answers", and a graceful shutdown.
import { devCallerSecret } from '@mindflow/auth';
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { querySubgraphConfigSchema } from './subgraph/config.js';
import { startQuerySubgraph } from './subgraph/start-query-subgraph.js';

const config = loadConfig(querySubgraphConfigSchema);
const log = createLogger('query-subgraph');
const shutdown = new Shutdown(log);
if (config.INTERNAL_CALLER_SECRET === devCallerSecret) log.warn('INTERNAL_CALLER_SECRET is the dev default: set one before deploying');
shutdown.onSignals();
shutdown.add('tracing', startTracing('query-subgraph'));

const subgraph = await startQuerySubgraph(config, { log });
shutdown.add('query subgraph', () => subgraph.close());
const ops = await startOpsServer({
  port: config.OPS_PORT,
  service: 'query-subgraph',
  ready: { readDatabase: async () => (await subgraph.pool.query('SELECT 1')).rowCount === 1 },
});
shutdown.add('ops server', () => ops.close());
log.info({ url: subgraph.url, opsPort: ops.port }, 'query subgraph ready');
