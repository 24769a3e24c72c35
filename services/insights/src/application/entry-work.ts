import type { ReadModel } from '@mindflow/event-log';
import { dueAt, type DebounceWindow } from '../domain/policies/debounce.js';
import type { EntryWorkRows } from './ports/entry-work-rows.js';

/** The transaction the projector runtime applies an event in. */
type ProjectionTx = Parameters<NonNullable<ReadModel['handlers']['JournalEntryCreated']>>[1];

export interface EntryWorkOptions {
  readonly debounce: DebounceWindow;
  readonly now: () => Date;
  /** The projection's rows in the runtime's transaction (`pgEntryWorkRows`). */
  readonly rows: (tx: ProjectionTx) => EntryWorkRows;
}

/**
 * The insights projection's only "read model": entry events become debounced work. Created and content
 * edits queue the entry's latest version (rapid edits collapse into one row, due after a pause); deletes
 * drop the work and the insights. The runtime applies each entry event once (projection_versions), and a
 * version already settled is not queued again.
 */
export function entryWork(options: EntryWorkOptions): ReadModel {
  async function queue(
    tx: ProjectionTx,
    event: { eventId: string; userId: string; correlationId: string; aggregateVersion: number },
    entry: { entryId: string; title: string | null; content: string; authorPlan?: 'free' | 'premium' | undefined },
  ): Promise<void> {
    const rows = options.rows(tx);
    if (!(await rows.insightsEnabled(event.userId))) return;
    if (event.aggregateVersion <= (await rows.settledVersion(entry.entryId))) return;
    const now = options.now();
    const first = (await rows.firstQueuedAt(entry.entryId)) ?? now;
    await rows.queue(
      {
        entryId: entry.entryId,
        userId: event.userId,
        entryVersion: event.aggregateVersion,
        authorPlan: entry.authorPlan ?? 'free',
        title: entry.title,
        content: entry.content,
        correlationId: event.correlationId,
        causationId: event.eventId,
      },
      first,
      dueAt(first, now, options.debounce),
    );
  }

  return {
    name: 'entry_insights',
    handlers: {
      JournalEntryCreated: (event, tx) => queue(tx, event, event.payload),
      async JournalEntryUpdated(event, tx) {
        // Only the words are analysed: a new mood, tag or journal does not change them.
        if (!event.payload.changedFields.some((field) => field === 'content' || field === 'title')) return;
        await queue(tx, event, event.payload);
      },
      async JournalEntryDeleted(event, tx) {
        await options.rows(tx).forget(event.payload.entryId);
      },
      // Part of the entry's version sequence: applied (nothing to do) so the next version is not a gap.
      MoodRecorded: () => Promise.resolve(),
    },
  };
}
