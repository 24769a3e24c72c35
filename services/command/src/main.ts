// The command service process: configuration, ops server, gRPC service, graceful shutdown. Wiring only.
import { createLogger, loadConfig, Shutdown, startOpsServer, startTracing } from '@mindflow/platform';
import { commandConfigSchema } from './command-config.js';
import { startCommandService } from './command-service.js';

const config = loadConfig(commandConfigSchema);
const log = createLogger('command', config.LOG_LEVEL);
const shutdown = new Shutdown(log);
shutdown.onSignals();
shutdown.add('tracing', startTracing('command'));

const service = await startCommandService(config, { log });
shutdown.add('command service', () => service.close());
const ops = await startOpsServer({ port: config.OPS_PORT, service: 'command', ready: { writeDb: () => service.ready() } });
shutdown.add('ops server', () => ops.close());
log.info({ grpc: service.address, ops: ops.port }, 'command service ready');
