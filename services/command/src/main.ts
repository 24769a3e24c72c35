// The command service process: the gRPC service, an ops server whose readiness is "the write DB answers", and a
// graceful shutdown (runRole). Wiring only.
import { runRole } from '@mindflow/platform';
import { commandConfigSchema } from './command-config.js';
import { startCommandService } from './command-service.js';

await runRole({
  name: 'command',
  config: commandConfigSchema,
  start: (config, { log }) => startCommandService(config, { log }),
  closeAs: 'command service',
  ready: (service) => ({ writeDb: () => service.ready() }),
  started: { message: 'command service ready', fields: (service) => ({ grpc: service.address }) },
});
