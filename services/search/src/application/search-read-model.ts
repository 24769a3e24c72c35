import type { ReadModel } from '@mindflow/event-log';
import type { AggregateType } from '@mindflow/events';
import type { PendingWrites } from './pending-writes.js';

/**
 * The search projection as the projector runtime sees it: every entry, thought and task event is staged
 * for its transaction (no I/O per event) and becomes the document's next state when the transaction
 * flushes, in one bulk write (`PendingWrites`). Per-aggregate order and exactly-once bookkeeping come from
 * the runtime (`projection_versions`); the index's own version guard makes any repeat a no-op.
 *
 * A journal's deletion hides its entries. Entries and journals travel on different streams, so the
 * deletion may be projected before or after an entry's earlier events: deleted journals are remembered
 * in `search_deleted_journals` (read DB, same transaction) and every entry document consults it, and the
 * two never interleave: `PendingWrites` takes the owner's lock (shared for entries, exclusive for a journal
 * deletion) when the transaction flushes. Within a chunk the order of an
 * entry's events and its journal's deletion does not matter: a deleted journal stays deleted, so every
 * entry document of the chunk is built knowing the chunk's deletions.
 */
export function searchReadModel(writes: PendingWrites): ReadModel {
  return {
    name: 'search_documents',
    handlers: {
      JournalEntryCreated: (event, tx) => writes.stage(tx, event),
      JournalEntryUpdated: (event, tx) => writes.stage(tx, event),
      JournalEntryDeleted: (event, tx) => writes.stage(tx, event),
      MoodRecorded: (event, tx) => writes.stage(tx, event),
      ThoughtCaptured: (event, tx) => writes.stage(tx, event),
      ThoughtUpdated: (event, tx) => writes.stage(tx, event),
      ThoughtDeleted: (event, tx) => writes.stage(tx, event),
      TaskCreated: (event, tx) => writes.stage(tx, event),
      TaskUpdated: (event, tx) => writes.stage(tx, event),
      TaskCompleted: (event, tx) => writes.stage(tx, event),
      TaskReopened: (event, tx) => writes.stage(tx, event),
      TaskDeleted: (event, tx) => writes.stage(tx, event),
      // async so that a failure of the (synchronous) staging reaches the projector as a rejection, like stage()'s
      // eslint-disable-next-line @typescript-eslint/require-await
      async JournalDeleted(event, tx) {
        writes.deleteJournal(tx, { ownerId: event.userId, journalId: event.payload.journalId, deletedAt: event.payload.deletedAt });
      },
    },
  };
}

/** The streams the search projection follows: what a consistency token may make a search wait for. */
export const searchedAggregateTypes: ReadonlySet<AggregateType> = new Set<AggregateType>(['entry', 'thought', 'task', 'journal']);
