// The insights subgraph process: configuration from the environment, the GraphQL server, an ops server
// (OPS_PORT) whose readiness is "the insights DB answers", and a graceful shutdown.
import { devCallerSecret } from '@mindflow/auth';
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { insightsSubgraphConfigSchema } from './subgraph/config.js';
import { startInsightsSubgraph } from './subgraph/start-insights-subgraph.js';

const config = loadConfig(insightsSubgraphConfigSchema);
const log = createLogger('insights-subgraph');
const shutdown = new Shutdown(log);
if (config.INTERNAL_CALLER_SECRET === devCallerSecret) log.warn('INTERNAL_CALLER_SECRET is the dev default: set one before deploying');
shutdown.onSignals();
shutdown.add('tracing', startTracing('insights-subgraph'));

const subgraph = await startInsightsSubgraph(config, { log });
shutdown.add('insights subgraph', () => subgraph.close());
const ops = await startOpsServer({
  port: config.OPS_PORT,
  service: 'insights-subgraph',
  ready: { insightsDatabase: async () => (await subgraph.pool.query('SELECT 1')).rowCount === 1 },
});
shutdown.add('ops server', () => ops.close());
log.info({ url: subgraph.url, opsPort: ops.port }, 'insights subgraph ready');
