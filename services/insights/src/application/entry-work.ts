import type { ReadModel } from '@mindflow/event-log';
import { dropInsights, progressOf } from '../adapters/pg/insights-rows.js';
import { dropPendingAnalysis, firstQueuedAt, queueAnalysis } from '../adapters/pg/pending-analyses.js';
import { insightsEnabled } from '../adapters/pg/user-settings.js';
import { dueAt, type DebounceWindow } from '../domain/policies/debounce.js';

export interface EntryWorkOptions {
  readonly debounce: DebounceWindow;
  readonly now: () => Date;
}

/**
 * The insights projection's only "read model": entry events become debounced work. Created and content
 * edits queue the entry's latest version (rapid edits collapse into one row, due after a pause); deletes
 * drop the work and the insights. The runtime applies each entry event once (projection_versions), and a
 * version already settled is not queued again.
 */
export function entryWork(options: EntryWorkOptions): ReadModel {
  async function queue(
    tx: Parameters<NonNullable<ReadModel['handlers']['JournalEntryCreated']>>[1],
    event: { eventId: string; userId: string; correlationId: string; aggregateVersion: number },
    entry: { entryId: string; title: string | null; content: string; authorPlan?: 'free' | 'premium' | undefined },
  ): Promise<void> {
    if (!(await insightsEnabled(tx, event.userId))) return;
    const { settledVersion } = await progressOf(tx, entry.entryId);
    if (event.aggregateVersion <= settledVersion) return;
    const now = options.now();
    const first = (await firstQueuedAt(tx, entry.entryId)) ?? now;
    await queueAnalysis(
      tx,
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
        await dropPendingAnalysis(tx, event.payload.entryId);
        await dropInsights(tx, event.payload.entryId);
      },
      // Part of the entry's version sequence: applied (nothing to do) so the next version is not a gap.
      MoodRecorded: async () => undefined,
    },
  };
}
