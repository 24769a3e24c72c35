import type { PoolClient } from '@mindflow/db';
import type { ReadModel } from '@mindflow/event-log';
import { entriesViewBatch } from './entries-view-batch.js';
import { ownerKey } from './journals-view.js';

/**
 * `entries_view`: one row per entry with its journal's name copied in, and the journal's live
 * `entry_count` kept in step. Entries travel on another stream than journals, so an entry event may be
 * projected before or after journal events that happened earlier or later. Hence two rules that hold in
 * any such order:
 * - an entry is deleted when it was deleted itself or its *current* journal is (a journal's entries go
 *   with it); an entry event other than its deletion proves the entry itself is alive, so its
 *   `deleted_at` is recomputed from its journal on every one;
 * - every change of an entry's (journal, alive) moves one unit of `entry_count` between journals,
 *   under the owner's lock; a journal not projected yet counts its entries when it appears.
 */
export const entriesView: ReadModel = {
  name: 'entries_view',
  // MoodRecorded changes no placement: no lock needed. The set-based path takes the owner's key shared (its
  // count moves are deferred deltas, `entryCountMoves`); a journal's deletion and renaming take it exclusively.
  commutativeKeys: (event) => (event.aggregateType === 'entry' && event.eventType !== 'MoodRecorded' ? [ownerKey(event.userId)] : []),
  batchAlways: true,
  handlers: {
    async JournalEntryCreated(event, tx) {
      const p = event.payload;
      const { rows } = await tx.query<Placement & { inserted: boolean }>(
        `INSERT INTO entries_view (entry_id, journal_id, owner_id, journal_name, title, content, mood, tags,
                                   word_count, version, created_at, updated_at, deleted_at)
         SELECT $1, $2, $3, j.name, $4, $5, $6, $7, $8, $9, $10, $10, j.deleted_at
         FROM (SELECT 1) AS one LEFT JOIN journals_view j ON j.journal_id = $2
         ON CONFLICT (entry_id) DO UPDATE SET title = EXCLUDED.title, content = EXCLUDED.content,
           mood = EXCLUDED.mood, tags = EXCLUDED.tags, word_count = EXCLUDED.word_count, version = EXCLUDED.version
         RETURNING (xmax = 0) AS inserted, journal_id, deleted_at`,
        [p.entryId, p.journalId, event.userId, p.title, p.content, p.mood, p.tags, p.wordCount, event.aggregateVersion, p.createdAt],
      );
      // Count only a first insert: a rebuild over existing rows must not count an entry twice.
      if (rows[0]?.inserted) await moveCount(tx, undefined, rows[0]);
    },

    async JournalEntryUpdated(event, tx) {
      const p = event.payload;
      const before = await placement(tx, p.entryId);
      if (!before) return; // cannot happen once its JournalEntryCreated was applied
      const { rows } = await tx.query<Placement>(
        // A redating (createdAt present) moves the entry to the moment it is about; otherwise it keeps its date.
        `UPDATE entries_view e SET journal_id = $2, title = $3, content = $4, mood = $5, tags = $6, word_count = $7,
           version = $8, updated_at = $9, journal_name = j.name, deleted_at = j.deleted_at,
           created_at = coalesce($10, e.created_at)
         FROM (SELECT 1) AS one LEFT JOIN journals_view j ON j.journal_id = $2
         WHERE e.entry_id = $1
         RETURNING e.journal_id, e.deleted_at`,
        [p.entryId, p.journalId, p.title, p.content, p.mood, p.tags, p.wordCount, event.aggregateVersion, p.updatedAt, p.createdAt ?? null],
      );
      await moveCount(tx, before, rows[0]);
    },

    async JournalEntryDeleted(event, tx) {
      const p = event.payload;
      const before = await placement(tx, p.entryId);
      if (!before) return;
      const { rows } = await tx.query<Placement>(
        // The earliest deletion wins (its own, or its journal's), whichever stream was projected first.
        `UPDATE entries_view SET deleted_at = least(coalesce(deleted_at, $2), $2), updated_at = $2, version = $3
         WHERE entry_id = $1 RETURNING journal_id, deleted_at`,
        [p.entryId, p.deletedAt, event.aggregateVersion],
      );
      await moveCount(tx, before, rows[0]);
    },

    async MoodRecorded(event, tx) {
      const p = event.payload;
      await tx.query('UPDATE entries_view SET mood = $2, version = $3, updated_at = $4 WHERE entry_id = $1', [
        p.entryId,
        p.mood,
        event.aggregateVersion,
        p.recordedAt,
      ]);
    },
  },
  // The same effects written a chunk at a time (the runtime's batched path).
  batchHandlers: entriesViewBatch,
};

/** Where an entry counts: its journal, and whether it is alive (`deleted_at` null). */
interface Placement {
  journal_id: string;
  deleted_at: Date | null;
}

async function placement(tx: PoolClient, entryId: string): Promise<Placement | undefined> {
  const { rows } = await tx.query<Placement>('SELECT journal_id, deleted_at FROM entries_view WHERE entry_id = $1 FOR UPDATE', [entryId]);
  return rows[0];
}

/** Moves the entry's unit of `entry_count` from where it counted before to where it counts now. */
async function moveCount(tx: PoolClient, before: Placement | undefined, after: Placement | undefined): Promise<void> {
  const was = before && !before.deleted_at ? before.journal_id : undefined;
  const is = after && !after.deleted_at ? after.journal_id : undefined;
  if (was === is) return;
  // Journals not projected yet are skipped (they count when they appear); deleted ones stay at 0.
  const change = 'UPDATE journals_view SET entry_count = greatest(entry_count + $2, 0) WHERE journal_id = $1 AND deleted_at IS NULL';
  if (was) await tx.query(change, [was, -1]);
  if (is) await tx.query(change, [is, +1]);
}
