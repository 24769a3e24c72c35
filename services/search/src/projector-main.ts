// The search projector process (runProjection: runRole + startProjection): ready once it consumes and is not far
// behind the log; a graceful shutdown.
import { runProjection } from '@mindflow/event-log';
import { searchProjector } from './projector/start-search-projector.js';

await runProjection(searchProjector);
