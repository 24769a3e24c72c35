// The search projector process: configuration from the environment, the projection, an ops server
// (OPS_PORT: ready once it consumes and is not far behind the log, metrics) and a graceful shutdown.
import { projectorRuntimeConfigSchema } from '@mindflow/event-log';
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { searchProjectorConfigSchema } from './projector/config.js';
import { startSearchProjector } from './projector/start-search-projector.js';

const config = loadConfig(searchProjectorConfigSchema.extend(projectorRuntimeConfigSchema.shape));
const log = createLogger('search-projector');
const shutdown = new Shutdown(log);
shutdown.onSignals();
shutdown.add('tracing', startTracing('search-projector'));

const metrics = new Registry();
const projector = await startSearchProjector(config, { log, metrics });
shutdown.add('search projector', () => projector.close());
const ops = await startOpsServer({
  port: config.OPS_PORT,
  service: 'search-projector',
  metrics,
  ready: { consuming: () => projector.isReady(), caughtUp: () => projector.isCaughtUp() },
});
shutdown.add('ops server', () => ops.close());
log.info({ mode: config.MINDFLOW_MODE, index: projector.index.kind, opsPort: ops.port }, 'search projector started');
