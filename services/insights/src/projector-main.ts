// The insights projector process (runProjection: runRole + startProjection): the projection and its analysis
// worker, ready once it consumes and is not far behind; a graceful shutdown.
import { runProjection } from '@mindflow/event-log';
import { insightsProjector } from './projector/start-insights-projector.js';

await runProjection(insightsProjector);
