// The notifications projector process (runProjection: runRole + startProjection): the projection and the workers
// beside it (src/projector/workers.ts), ready once it consumes and is not far behind; a graceful shutdown.
import { runProjection } from '@mindflow/event-log';
import { notificationsProjector } from './projector/notifications-projector.js';

await runProjection(notificationsProjector);
