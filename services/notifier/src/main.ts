// The notifier process (distributed mode): the event log → Redis pub/sub, an ops server (OPS_PORT: ready
// once it consumes and Redis is up; metrics) and a graceful shutdown.
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { notifierConfigSchema } from './config.js';
import { startNotifier } from './start-notifier.js';

const config = loadConfig(notifierConfigSchema);
const log = createLogger('notifier');
const shutdown = new Shutdown(log);
shutdown.onSignals();
shutdown.add('tracing', startTracing('notifier'));
if (config.MINDFLOW_MODE === 'embedded') {
  log.warn('embedded mode: the gateway notifies its subscribers in-process; this process would publish to nobody');
}

const metrics = new Registry();
const notifier = await startNotifier(config, { log, metrics });
shutdown.add('notifier', () => notifier.close());
const ops = await startOpsServer({ port: config.OPS_PORT, service: 'notifier', metrics, ready: { consuming: () => notifier.isReady() } });
shutdown.add('ops server', () => ops.close());
log.info({ mode: config.MINDFLOW_MODE, opsPort: ops.port }, 'notifier started');
