// The search projector process: the projection, its ops server (ready once it consumes and is not far behind the
// log; metrics) and a graceful shutdown (runRole).
import { projectorRuntimeConfigSchema } from '@mindflow/event-log';
import { runRole } from '@mindflow/platform';
import { searchProjectorConfigSchema } from './projector/config.js';
import { startSearchProjector } from './projector/start-search-projector.js';

await runRole({
  name: 'search-projector',
  config: searchProjectorConfigSchema.extend(projectorRuntimeConfigSchema.shape),
  start: (config, { log, metrics }) => startSearchProjector(config, { log, metrics }),
  closeAs: 'search projector',
  ready: (projector) => ({ consuming: () => projector.isReady(), caughtUp: () => projector.isCaughtUp() }),
  started: { message: 'search projector started', fields: (projector, config) => ({ mode: config.MINDFLOW_MODE, index: projector.index.kind }) },
});
