// The query projector process: the projection, its ops server (ready once it consumes and is not far behind the
// log; metrics) and a graceful shutdown that commits what was applied (runRole).
import { projectorRuntimeConfigSchema } from '@mindflow/event-log';
import { runRole } from '@mindflow/platform';
import { queryProjectorConfigSchema } from './projector/config.js';
import { startQueryProjector } from './projector/start-query-projector.js';

await runRole({
  name: 'query-projector',
  config: queryProjectorConfigSchema.extend(projectorRuntimeConfigSchema.shape),
  start: (config, { log, metrics }) => startQueryProjector(config, { log, metrics }),
  closeAs: 'query projector',
  ready: (projector) => ({ consuming: () => projector.isReady(), caughtUp: () => projector.isCaughtUp() }),
  started: { message: 'query projector started', fields: (_, config) => ({ mode: config.MINDFLOW_MODE }) },
});
