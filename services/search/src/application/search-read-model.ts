import type { PoolClient } from '@mindflow/db';
import type { ReadModel } from '@mindflow/event-log';
import type { AggregateType, AnyEvent } from '@mindflow/events';
import { documentAfter, type DocumentEvent } from '../domain/documents-from-events.js';
import type { PendingWrites } from './pending-writes.js';

/**
 * The search projection as the projector runtime sees it: every entry, thought and task event becomes
 * the document's next state, staged for a bulk write. Per-aggregate order and exactly-once bookkeeping
 * come from the runtime (`projection_versions`); the index's own version guard makes any repeat a no-op.
 *
 * A journal's deletion hides its entries. Entries and journals travel on different streams, so the
 * deletion may be projected before or after an entry's earlier events: deleted journals are remembered
 * in `search_deleted_journals` (read DB, same transaction) and every entry document consults it, and both
 * kinds of event take the owner's shared key so they never interleave.
 */
export function searchReadModel(writes: PendingWrites): ReadModel {
  const apply = async (event: DocumentEvent, tx: PoolClient, journalId: string | null) => {
    const id = documentId(event);
    const current = await writes.current(tx, id);
    const journal = journalId ?? current?.journalId ?? null;
    const next = documentAfter(event, { current, journalDeleted: journal !== null && (await isJournalDeleted(tx, journal)) });
    if (next) await writes.stage(tx, next);
  };
  return {
    name: 'search_documents',
    sharedKeys: (event: AnyEvent) =>
      event.aggregateType === 'entry' || event.eventType === 'JournalDeleted' ? [`search-owner:${event.userId}`] : [],
    handlers: {
      JournalEntryCreated: (event, tx) => apply(event, tx, event.payload.journalId),
      JournalEntryUpdated: (event, tx) => apply(event, tx, event.payload.journalId),
      JournalEntryDeleted: (event, tx) => apply(event, tx, event.payload.journalId),
      MoodRecorded: (event, tx) => apply(event, tx, null),
      ThoughtCaptured: (event, tx) => apply(event, tx, null),
      ThoughtUpdated: (event, tx) => apply(event, tx, null),
      ThoughtDeleted: (event, tx) => apply(event, tx, null),
      TaskCreated: (event, tx) => apply(event, tx, null),
      TaskUpdated: (event, tx) => apply(event, tx, null),
      TaskCompleted: (event, tx) => apply(event, tx, null),
      TaskReopened: (event, tx) => apply(event, tx, null),
      TaskDeleted: (event, tx) => apply(event, tx, null),
      async JournalDeleted(event, tx) {
        await tx.query(
          `INSERT INTO search_deleted_journals (journal_id, owner_id, deleted_at) VALUES ($1, $2, $3) ON CONFLICT (journal_id) DO NOTHING`,
          [event.payload.journalId, event.userId, event.payload.deletedAt],
        );
        await writes.hideJournalEntries(tx, event.userId, event.payload.journalId);
      },
    },
  };
}

function documentId(event: DocumentEvent): string {
  const payload = event.payload as { entryId?: string; thoughtId?: string; taskId?: string };
  return (payload.entryId ?? payload.thoughtId ?? payload.taskId)!;
}

async function isJournalDeleted(tx: PoolClient, journalId: string): Promise<boolean> {
  const { rowCount } = await tx.query('SELECT 1 FROM search_deleted_journals WHERE journal_id = $1', [journalId]);
  return (rowCount ?? 0) > 0;
}

/** The streams the search projection follows: what a consistency token may make a search wait for. */
export const searchedAggregateTypes: ReadonlySet<AggregateType> = new Set<AggregateType>(['entry', 'thought', 'task', 'journal']);
