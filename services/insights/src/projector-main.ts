// The insights projector process: the projection and its analysis worker, an ops server (ready once it consumes
// and is not far behind) and a graceful shutdown (runRole).
import { projectorRuntimeConfigSchema } from '@mindflow/event-log';
import { runRole } from '@mindflow/platform';
import { insightsProjectorConfigSchema } from './projector/config.js';
import { startInsightsProjector } from './projector/start-insights-projector.js';

await runRole({
  name: 'insights-projector',
  config: insightsProjectorConfigSchema.extend(projectorRuntimeConfigSchema.shape),
  start: (config, { log, metrics }) => startInsightsProjector(config, { log, metrics }),
  closeAs: 'insights projector',
  ready: (projector) => ({ consuming: () => projector.isReady(), caughtUp: () => projector.isCaughtUp() }),
  started: {
    message: 'insights projector started',
    fields: (_, config) => ({ mode: config.MINDFLOW_MODE, claude: config.ANTHROPIC_API_KEY ? config.INSIGHTS_MODEL : null }),
  },
});
