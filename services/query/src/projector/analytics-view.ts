import type { PoolClient } from '@mindflow/db';
import type { ChunkScope, DeferredWrite, ReadModel } from '@mindflow/event-log';
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
  // A day is recomputed from committed rows: two chunks recomputing one user's day must take turns. A journal's
  // deletion and an analysis recompute at once, under the owner's key taken exclusively; entry events (set-based)
  // take it shared and recompute their days at the chunk's end under per-(owner, day) locks (`moodDayRecounts`).
  sharedKeys: (event) => (recomputedAtOnce.has(event.eventType) ? [ownerKey(event.userId)] : []),
  commutativeKeys: (event) => (deferred.has(event.eventType) ? [ownerKey(event.userId)] : []),
  batchAlways: true,
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
  // A chunk's entry events recompute each day they touch once, at the chunk's end (`moodDayRecounts`).
  batchHandlers: {
    JournalEntryCreated: (events, _tx, chunk) => recountLater(chunk, events.map((e) => e.payload.entryId)),
    JournalEntryUpdated: (events, _tx, chunk) => recountLater(chunk, events.map((e) => e.payload.entryId)),
    JournalEntryDeleted: (events, _tx, chunk) => recountLater(chunk, events.map((e) => e.payload.entryId)),
    MoodRecorded: (events, _tx, chunk) => recountLater(chunk, events.map((e) => e.payload.entryId)),
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

/** Recomputes one (owner, day) of `mood_days` from the rows (also for `redatedDays`, which finds a day an entry left). */
export async function recomputeDay(tx: PoolClient, ownerId: string, day: string): Promise<void> {
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

function recountLater(chunk: ChunkScope, entryIds: readonly string[]): Promise<void> {
  const entries = chunk.deferred(moodDayRecounts);
  for (const id of entryIds) entries.add(id);
  return Promise.resolve();
}

/**
 * The days of a chunk's entry events (set-based path), recomputed at its end from the rows as they are then: each
 * (owner, day) under its own advisory lock, taken (in one statement, in id order) *before* the statement that
 * recomputes, and held to the commit. A day's inputs change only in transactions that recompute it afterwards
 * under that lock (or under the owner's exclusive key: a journal's deletion, an analysis), so whichever recomputes
 * a day last sees every other change committed: the day is exact, while chunks of the same users run side by side
 * until their last statements.
 */
const moodDayRecounts: DeferredWrite<Set<string>> = {
  order: '1 mood_days',
  start: () => new Set(),
  async settle(entryIds, tx) {
    if (entryIds.size === 0) return;
    const { rows } = await tx.query<{ owner_id: string; day: string }>(
      `SELECT d.owner_id, to_char(d.day, 'YYYY-MM-DD') AS day, pg_advisory_xact_lock(d.id) AS locked
       FROM (SELECT owner_id, day, hashtextextended(current_schema() || ':mood-day:' || owner_id || ':' || day, 0) AS id
               FROM (SELECT DISTINCT owner_id, (created_at AT TIME ZONE 'UTC')::date AS day
                       FROM entries_view WHERE entry_id = ANY($1::uuid[]) AND created_at IS NOT NULL) AS days
              ORDER BY id) AS d`,
      [[...entryIds]],
    );
    if (rows.length > 0) await recomputeDays(tx, rows);
  },
};

/** Recomputes each (owner, day) from the rows, in one statement: days left with no live entry lose their row. */
async function recomputeDays(tx: PoolClient, days: readonly { owner_id: string; day: string }[]): Promise<void> {
  await tx.query(
    `WITH computed AS (
       SELECT d.owner_id, d.day,
              (SELECT e.mood FROM entries_view e
                WHERE e.owner_id = d.owner_id AND e.deleted_at IS NULL AND e.journal_id IS NOT NULL AND e.mood IS NOT NULL
                  AND e.created_at >= d.day::timestamp AT TIME ZONE 'UTC' AND e.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
                GROUP BY e.mood ORDER BY count(*) DESC, max(e.created_at) DESC, e.mood LIMIT 1) AS mood,
              a.n, a.words, a.sentiment
         FROM unnest($1::uuid[], $2::date[]) AS d(owner_id, day)
         CROSS JOIN LATERAL (
           SELECT count(*) AS n, coalesce(sum(e.word_count), 0) AS words, avg(s.sentiment) AS sentiment
             FROM entries_view e LEFT JOIN entry_sentiments s ON s.entry_id = e.entry_id
            WHERE e.owner_id = d.owner_id AND e.deleted_at IS NULL AND e.journal_id IS NOT NULL
              AND e.created_at >= d.day::timestamp AT TIME ZONE 'UTC' AND e.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC') AS a),
     upserted AS (
       INSERT INTO mood_days AS m (owner_id, day, mood, entry_count, word_count, average_sentiment)
       SELECT owner_id, day, mood, n, words, sentiment FROM computed WHERE n > 0 ORDER BY owner_id, day
       ON CONFLICT (owner_id, day) DO UPDATE SET mood = EXCLUDED.mood, entry_count = EXCLUDED.entry_count,
         word_count = EXCLUDED.word_count, average_sentiment = EXCLUDED.average_sentiment)
     DELETE FROM mood_days m USING computed c WHERE c.n = 0 AND m.owner_id = c.owner_id AND m.day = c.day`,
    [days.map((r) => r.owner_id), days.map((r) => r.day)],
  );
}

/** Recomputed in their own handlers (under the owner's exclusive key), or at the chunk's end (shared key). */
const recomputedAtOnce = new Set(['JournalDeleted', 'AIInsightsGenerated']);
const deferred = new Set(['JournalEntryCreated', 'JournalEntryUpdated', 'JournalEntryDeleted', 'MoodRecorded']);
