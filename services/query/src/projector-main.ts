// The query projector process: configuration from the environment, the projection, an ops server
// (OPS_PORT: ready once it consumes and is not far behind the log, metrics) and a graceful shutdown that
// commits what was applied.
import { projectorRuntimeConfigSchema } from '@mindflow/event-log';
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { queryProjectorConfigSchema } from './projector/config.js';
import { startQueryProjector } from './projector/start-query-projector.js';

const config = loadConfig(queryProjectorConfigSchema.extend(projectorRuntimeConfigSchema.shape));
const log = createLogger('query-projector');
const shutdown = new Shutdown(log);
shutdown.onSignals();
shutdown.add('tracing', startTracing('query-projector'));

const metrics = new Registry();
const projector = await startQueryProjector(config, { log, metrics });
shutdown.add('query projector', () => projector.close());
const ops = await startOpsServer({
  port: config.OPS_PORT,
  service: 'query-projector',
  metrics,
  ready: { consuming: () => projector.isReady(), caughtUp: () => projector.isCaughtUp() },
});
shutdown.add('ops server', () => ops.close());
log.info({ mode: config.MINDFLOW_MODE, opsPort: ops.port }, 'query projector started');
