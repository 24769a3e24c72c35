// The outbox → Kafka relay process: configuration, ops server (metrics), relay, graceful shutdown. Wiring only.
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { relayConfigSchema } from './relay/relay-config.js';
import { startRelay } from './relay/start-relay.js';

const config = loadConfig(relayConfigSchema);
const log = createLogger('relay', config.LOG_LEVEL);
const shutdown = new Shutdown(log);
shutdown.onSignals();
shutdown.add('tracing', startTracing(config.RELAY_SOURCE === 'command' ? 'relay' : `${config.RELAY_SOURCE}-relay`));

const metrics = new Registry();
const relay = await startRelay(config, { log, metrics });
shutdown.add('relay', () => relay.close());
const ops = await startOpsServer({ port: config.OPS_PORT, service: 'relay', metrics, ready: { writeDb: () => relay.ready() } });
shutdown.add('ops server', () => ops.close());
log.info({ ops: ops.port }, 'relay ready');
