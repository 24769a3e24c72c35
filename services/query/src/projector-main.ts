// The query projector process (runProjection: runRole + startProjection): ready once it consumes and is not far
// behind the log; a graceful shutdown commits what was applied.
import { runProjection } from '@mindflow/event-log';
import { queryProjector } from './projector/start-query-projector.js';

await runProjection(queryProjector);
