// The insights projector process: configuration from the environment, the projection and its analysis
// worker, an ops server (ready once it consumes and is not far behind) and a graceful shutdown.
import { projectorRuntimeConfigSchema } from '@mindflow/event-log';
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { insightsProjectorConfigSchema } from './projector/config.js';
import { startInsightsProjector } from './projector/start-insights-projector.js';

const config = loadConfig(insightsProjectorConfigSchema.extend(projectorRuntimeConfigSchema.shape));
const log = createLogger('insights-projector');
const shutdown = new Shutdown(log);
shutdown.onSignals();
shutdown.add('tracing', startTracing('insights-projector'));

const metrics = new Registry();
const projector = await startInsightsProjector(config, { log, metrics });
shutdown.add('insights projector', () => projector.close());
const ops = await startOpsServer({
  port: config.OPS_PORT,
  service: 'insights-projector',
  metrics,
  ready: { consuming: () => projector.isReady(), caughtUp: () => projector.isCaughtUp() },
});
shutdown.add('ops server', () => ops.close());
log.info({ mode: config.MINDFLOW_MODE, opsPort: ops.port, claude: config.ANTHROPIC_API_KEY ? config.INSIGHTS_MODEL : null }, 'insights projector started');
