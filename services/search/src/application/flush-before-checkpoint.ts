import type { EventLog } from '@mindflow/event-log';
import type { PendingWrites } from './pending-writes.js';

/**
 * The event log as the search projector sees it: before a batch's checkpoint is written in a projection
 * transaction, the documents that transaction staged are written to the index in bulk. So a checkpoint
 * (and `projection_versions`) never commits ahead of the index: if the bulk write fails, the transaction
 * rolls back and the runtime retries the chunk, and a crash between the write and the commit only
 * makes the chunk come again, which the index's version guard turns into no-ops.
 */
export function flushBeforeCheckpoint(eventLog: EventLog, writes: PendingWrites): EventLog {
  return {
    kind: eventLog.kind,
    ...(eventLog.publishDeadLetters ? { publishDeadLetters: eventLog.publishDeadLetters.bind(eventLog) } : {}),
    deleteGroup: (group) => eventLog.deleteGroup(group),
    close: () => eventLog.close(),
    subscribe: (options) =>
      eventLog.subscribe({
        ...options,
        handle: (batch) =>
          options.handle({
            events: batch.events,
            source: batch.source,
            done: (index) => batch.done(index),
            heartbeat: () => batch.heartbeat(),
            active: () => batch.active(),
            async checkpointWithin(tx, index) {
              await writes.flush(tx);
              await batch.checkpointWithin(tx, index);
            },
          }),
      }),
  };
}
