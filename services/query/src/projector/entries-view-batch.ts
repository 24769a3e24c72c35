import type { BatchProjectionHandlers } from '@mindflow/event-log';
import { addNewEntries } from './analytics-view.js';
import { addMoves, entryCountMoves } from './entry-count-moves.js';

/**
 * `entries_view` set-based: each handler writes a chunk's events of its type in one statement (rows from
 * `jsonb_to_recordset`), with the same effects as `entriesView.handlers` one by one. The runtime hands at
 * most one event per entry, so every row is written once per statement. `entry_count` moves are summed per
 * journal and gathered for the chunk's end (`entryCountMoves`): one entry's -1 and another's +1 on the same
 * journal cancel out, and the journal's row is locked only for the last statements of the transaction.
 * `before` reads the statement's snapshot, i.e. the rows as they were (no FOR UPDATE: locking rows the
 * same statement updates is refused); an entry's row is written only by its own events (one partition,
 * version-gated) and by its journal's events: a deletion or rename takes the owner's lock exclusively (this path:
 * shared), a creation names rows no other chunk holds (`entryCountMoves`).
 */
export const entriesViewBatch: BatchProjectionHandlers = {
  async JournalEntryCreated(events, tx, chunk) {
    const rows = events.map(({ payload: p, userId, aggregateVersion }) => ({
      entry_id: p.entryId, journal_id: p.journalId, owner_id: userId, title: p.title, content: p.content, mood: p.mood, tags: p.tags,
      word_count: p.wordCount, version: aggregateVersion, created_at: p.createdAt,
    }));
    const { rows: written } = await tx.query<{ journal_id: string; n: number; seen: boolean; entry_ids: string[] }>(
      `WITH written AS (
         INSERT INTO entries_view (entry_id, journal_id, owner_id, journal_name, title, content, mood, tags,
                                   word_count, version, created_at, updated_at, deleted_at)
         SELECT r.entry_id, r.journal_id, r.owner_id, j.name, r.title, r.content, r.mood, r.tags, r.word_count, r.version,
                r.created_at, r.created_at, j.deleted_at
         FROM jsonb_to_recordset($1::jsonb) AS r(entry_id uuid, journal_id uuid, owner_id uuid, title text, content text, mood text,
                                                 tags text[], word_count int, version int, created_at timestamptz)
         LEFT JOIN journals_view j ON j.journal_id = r.journal_id
         ON CONFLICT (entry_id) DO UPDATE SET title = EXCLUDED.title, content = EXCLUDED.content,
           mood = EXCLUDED.mood, tags = EXCLUDED.tags, word_count = EXCLUDED.word_count, version = EXCLUDED.version
         RETURNING (xmax = 0) AS inserted, entry_id, journal_id, deleted_at)
       -- Count only first inserts of live entries (a rebuild over existing rows must not count an entry twice), in
       -- journals seen or not (a live entry's journal is not deleted: unseen, or alive); the first inserts of live
       -- entries are also what mood_days may move by increments (addNewEntries). Same snapshot as the insert's join.
       SELECT w.journal_id, count(*)::int AS n, (v.journal_id IS NOT NULL) AS seen, array_agg(w.entry_id) AS entry_ids
         FROM written w LEFT JOIN journals_view v ON v.journal_id = w.journal_id
        WHERE w.inserted AND w.deleted_at IS NULL GROUP BY w.journal_id, v.journal_id`,
      [JSON.stringify(rows)],
    );
    addMoves(chunk.deferred(entryCountMoves), written);
    addNewEntries(chunk, written.flatMap((w) => w.entry_ids));
  },

  async JournalEntryUpdated(events, tx, chunk) {
    const rows = events.map(({ payload: p, aggregateVersion }) => ({
      entry_id: p.entryId, journal_id: p.journalId, title: p.title, content: p.content, mood: p.mood, tags: p.tags,
      word_count: p.wordCount, version: aggregateVersion, updated_at: p.updatedAt, created_at: p.createdAt ?? null,
    }));
    const { rows: moved } = await tx.query<{ journal_id: string; n: number; seen: boolean; entry_ids: string[] | null }>(
      `WITH r AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(entry_id uuid, journal_id uuid, title text, content text, mood text,
                                                          tags text[], word_count int, version int, updated_at timestamptz,
                                                          created_at timestamptz)),
       before AS (SELECT e.entry_id, e.journal_id, e.deleted_at FROM entries_view e JOIN r USING (entry_id)),
       after AS (
         UPDATE entries_view e SET journal_id = r.journal_id, title = r.title, content = r.content, mood = r.mood, tags = r.tags,
           word_count = r.word_count, version = r.version, updated_at = r.updated_at, journal_name = j.name, deleted_at = j.deleted_at,
           created_at = coalesce(r.created_at, e.created_at) -- a redating moves the entry; otherwise it keeps its date
         FROM r LEFT JOIN journals_view j ON j.journal_id = r.journal_id
         WHERE e.entry_id = r.entry_id
         RETURNING e.entry_id, e.journal_id, e.deleted_at)
       ${moveCounts}`,
      [JSON.stringify(rows)],
    );
    addMoves(chunk.deferred(entryCountMoves), moved);
  },

  async JournalEntryDeleted(events, tx, chunk) {
    const rows = events.map(({ payload: p, aggregateVersion }) => ({ entry_id: p.entryId, deleted_at: p.deletedAt, version: aggregateVersion }));
    const { rows: moved } = await tx.query<{ journal_id: string; n: number; seen: boolean; entry_ids: string[] | null }>(
      `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(entry_id uuid, deleted_at timestamptz, version int)),
       before AS (SELECT e.entry_id, e.journal_id, e.deleted_at FROM entries_view e JOIN r USING (entry_id)),
       after AS (
         -- The earliest deletion wins (its own, or its journal's), whichever stream was projected first.
         UPDATE entries_view e SET deleted_at = least(coalesce(e.deleted_at, r.deleted_at), r.deleted_at), updated_at = r.deleted_at,
           version = r.version
         FROM r WHERE e.entry_id = r.entry_id
         RETURNING e.entry_id, e.journal_id, e.deleted_at)
       ${moveCounts}`,
      [JSON.stringify(rows)],
    );
    addMoves(chunk.deferred(entryCountMoves), moved);
  },

  async MoodRecorded(events, tx) {
    const rows = events.map(({ payload: p, aggregateVersion }) => ({ entry_id: p.entryId, mood: p.mood, version: aggregateVersion, recorded_at: p.recordedAt }));
    await tx.query(
      `UPDATE entries_view e SET mood = r.mood, version = r.version, updated_at = r.recorded_at
       FROM jsonb_to_recordset($1::jsonb) AS r(entry_id uuid, mood text, version int, recorded_at timestamptz)
       WHERE e.entry_id = r.entry_id`,
      [JSON.stringify(rows)],
    );
  },
};

/**
 * The tail of a statement whose CTEs `before` and `after` hold the changed entries' placement (journal,
 * deleted_at) before and after: each entry's unit of `entry_count` moves from where it counted to where it
 * counts now, summed per journal (`journal_id`, `n`). Journals the statement saw deleted are left out (they
 * stay at 0); journals it did not see come back with `seen` false and the entries placed there (`entry_ids`),
 * even when their units cancel out: whether they count and what they are named is settled at the chunk's end
 * (`entryCountMoves`), once their creation has committed or not.
 */
const moveCounts = `
  SELECT m.journal_id, m.n, (v.journal_id IS NOT NULL) AS seen, m.entry_ids
  FROM (SELECT journal_id, sum(n)::int AS n, array_agg(entry_id) FILTER (WHERE entry_id IS NOT NULL) AS entry_ids FROM (
          SELECT journal_id, -1 AS n, NULL::uuid AS entry_id FROM before WHERE deleted_at IS NULL
          UNION ALL SELECT journal_id, 1, entry_id FROM after WHERE deleted_at IS NULL) AS moves
        GROUP BY journal_id) AS m
  LEFT JOIN journals_view v ON v.journal_id = m.journal_id
  WHERE v.journal_id IS NULL OR (v.deleted_at IS NULL AND m.n <> 0)`;
