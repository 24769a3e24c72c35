import type { PoolClient } from '@mindflow/db';
import type { ReadModel } from '@mindflow/event-log';
import { ownerKey } from './journals-view.js';

/**
 * The analytics read model: `entry_sentiments` (each entry's latest sentiment, null when its latest analysis
 * could not read the text) and `mood_days` (per user and UTC day: the most frequent mood, ties going to the
 * latest entry's; entry and word counts; the average sentiment of the day's analysed entries, which `avg()`
 * gives by skipping the nulls). Runs after `entries_view` in the same transaction, and
 * recomputes every day an event touches from the current rows instead of adding deltas: an update, a
 * delete (of the entry or its journal), a re-analysis or a redelivered event then all leave the day exact,
 * in whatever order the entry, journal and insights streams arrive.
 */
export const analyticsView: ReadModel = {
  name: 'analytics',
  // A day is recomputed from committed rows: two chunks recomputing one user's days must take turns.
  sharedKeys: (event) => (handled.has(event.eventType) ? [ownerKey(event.userId)] : []),
  handlers: {
    JournalEntryCreated: (event, tx) => recomputeDayOfEntry(tx, event.payload.entryId),
    JournalEntryUpdated: (event, tx) => recomputeDayOfEntry(tx, event.payload.entryId),
    JournalEntryDeleted: (event, tx) => recomputeDayOfEntry(tx, event.payload.entryId),
    MoodRecorded: (event, tx) => recomputeDayOfEntry(tx, event.payload.entryId),
    async JournalDeleted(event, tx) {
      const { rows } = await tx.query<{ owner_id: string; day: string }>(
        `SELECT DISTINCT owner_id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
           FROM entries_view WHERE journal_id = $1 AND created_at IS NOT NULL`,
        [event.payload.journalId],
      );
      for (const { owner_id, day } of rows) await recomputeDay(tx, owner_id, day);
    },
    async AIInsightsGenerated(event, tx) {
      const p = event.payload;
      // The insights stream is ordered per entry, so a later event is a re-analysis: it replaces the
      // sentiment unless it analysed an older version of the entry than the one already kept. An analysis that
      // could not read the text (`analysed: false`, its sentiment a placeholder 0) keeps its row, with no
      // sentiment: the entry still has insights, and its version still guards against older analyses.
      await tx.query(
        `INSERT INTO entry_sentiments (entry_id, owner_id, sentiment, entry_version, generated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (entry_id) DO UPDATE SET sentiment = EXCLUDED.sentiment, entry_version = EXCLUDED.entry_version,
           generated_at = EXCLUDED.generated_at
         WHERE entry_sentiments.entry_version <= EXCLUDED.entry_version`,
        [p.entryId, event.userId, p.analysed ? p.sentiment : null, p.entryVersion, p.generatedAt],
      );
      await recomputeDayOfEntry(tx, p.entryId);
    },
  },
  // A chunk's entry events recompute each day they touch once, in two statements.
  batchHandlers: {
    JournalEntryCreated: (events, tx) => recomputeDaysOfEntries(tx, events.map((e) => e.payload.entryId)),
    JournalEntryUpdated: (events, tx) => recomputeDaysOfEntries(tx, events.map((e) => e.payload.entryId)),
    JournalEntryDeleted: (events, tx) => recomputeDaysOfEntries(tx, events.map((e) => e.payload.entryId)),
    MoodRecorded: (events, tx) => recomputeDaysOfEntries(tx, events.map((e) => e.payload.entryId)),
  },
};

/** The day an entry counts on; nothing when the entry is not projected yet (its creation will recompute it). */
async function recomputeDayOfEntry(tx: PoolClient, entryId: string): Promise<void> {
  const { rows } = await tx.query<{ owner_id: string; day: string }>(
    `SELECT owner_id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
       FROM entries_view WHERE entry_id = $1 AND created_at IS NOT NULL`,
    [entryId],
  );
  if (rows[0]) await recomputeDay(tx, rows[0].owner_id, rows[0].day);
}

async function recomputeDay(tx: PoolClient, ownerId: string, day: string): Promise<void> {
  await tx.query('DELETE FROM mood_days WHERE owner_id = $1 AND day = $2::date', [ownerId, day]);
  await tx.query(
    `WITH alive AS (
       SELECT e.mood, e.word_count, e.created_at, s.sentiment
         FROM entries_view e LEFT JOIN entry_sentiments s ON s.entry_id = e.entry_id
        WHERE e.owner_id = $1 AND e.deleted_at IS NULL AND e.journal_id IS NOT NULL
          AND e.created_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
          AND e.created_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC')
     INSERT INTO mood_days (owner_id, day, mood, entry_count, word_count, average_sentiment)
     SELECT $1, $2::date,
            (SELECT mood FROM alive WHERE mood IS NOT NULL GROUP BY mood ORDER BY count(*) DESC, max(created_at) DESC, mood LIMIT 1),
            count(*), coalesce(sum(word_count), 0), avg(sentiment)
       FROM alive HAVING count(*) > 0`,
    [ownerId, day],
  );
}

/** `recomputeDayOfEntry` for many entries: every (owner, day) they count on, each recomputed once. */
async function recomputeDaysOfEntries(tx: PoolClient, entryIds: readonly string[]): Promise<void> {
  const { rows } = await tx.query<{ owner_id: string; day: string }>(
    `WITH days AS (
       SELECT DISTINCT owner_id, (created_at AT TIME ZONE 'UTC')::date AS day
         FROM entries_view WHERE entry_id = ANY($1::uuid[]) AND created_at IS NOT NULL),
     gone AS (DELETE FROM mood_days m USING days d WHERE m.owner_id = d.owner_id AND m.day = d.day)
     SELECT owner_id, to_char(day, 'YYYY-MM-DD') AS day FROM days`,
    [entryIds],
  );
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO mood_days (owner_id, day, mood, entry_count, word_count, average_sentiment)
     SELECT d.owner_id, d.day,
            (SELECT e.mood FROM entries_view e
              WHERE e.owner_id = d.owner_id AND e.deleted_at IS NULL AND e.journal_id IS NOT NULL AND e.mood IS NOT NULL
                AND e.created_at >= d.day::timestamp AT TIME ZONE 'UTC' AND e.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
              GROUP BY e.mood ORDER BY count(*) DESC, max(e.created_at) DESC, e.mood LIMIT 1),
            a.n, a.words, a.sentiment
       FROM unnest($1::uuid[], $2::date[]) AS d(owner_id, day)
       CROSS JOIN LATERAL (
         SELECT count(*) AS n, coalesce(sum(e.word_count), 0) AS words, avg(s.sentiment) AS sentiment
           FROM entries_view e LEFT JOIN entry_sentiments s ON s.entry_id = e.entry_id
          WHERE e.owner_id = d.owner_id AND e.deleted_at IS NULL AND e.journal_id IS NOT NULL
            AND e.created_at >= d.day::timestamp AT TIME ZONE 'UTC' AND e.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC') AS a
      WHERE a.n > 0`,
    [rows.map((r) => r.owner_id), rows.map((r) => r.day)],
  );
}

const handled = new Set(['JournalEntryCreated', 'JournalEntryUpdated', 'JournalEntryDeleted', 'MoodRecorded', 'JournalDeleted', 'AIInsightsGenerated']);
