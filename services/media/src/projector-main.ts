// The media projector process (runProjection: runRole + startProjection): media_targets and the removal of
// deleted targets' attachments, with the sweeper beside it; a graceful shutdown.
import { runProjection } from '@mindflow/event-log';
import { mediaProjector } from './projector/media-projector.js';

await runProjection(mediaProjector);
