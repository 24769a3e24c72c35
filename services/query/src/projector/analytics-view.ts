import type { PoolClient } from '@mindflow/db';
import type { ChunkScope, DeferredWrite, ReadModel } from '@mindflow/event-log';
import { ownerKey } from './journals-view.js';

/**
 * The analytics read model: `entry_sentiments` (each entry's latest sentiment, null when its latest analysis
 * could not read the text) and `mood_days` (per user and UTC day: the most frequent mood, ties going to the
 * latest entry's; entry and word counts; the average sentiment of the day's analysed entries, which `avg()`
 * gives by skipping the nulls). Runs after `entries_view` in the same transaction, and
 * recomputes every day an update, a delete (of the entry or its journal), a re-analysis or a redating touches
 * from the current rows, which leaves the day exact in whatever order the entry, journal and insights streams
 * arrive. New entries (set-based) move their days by increments instead (`mood_day_moods` keeps each mood's count
 * and latest entry, so the tie rule holds without reading the day's entries): see `moodDayChanges`.
 */
export const analyticsView: ReadModel = {
  name: 'analytics',
  // A day is recomputed from committed rows: two chunks recomputing one user's day must take turns. A journal's
  // deletion and an analysis recompute at once, under the owner's key taken exclusively; entry events (set-based)
  // take it shared and write their days at the chunk's end under per-(owner, day) locks (`moodDayChanges`).
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
  // A chunk's entry events write each day they touch once, at the chunk's end (`moodDayChanges`): new entries that
  // `entries_view` inserted alive (`addNewEntries`) by increments, the others by a recompute.
  batchHandlers: {
    JournalEntryCreated: (events, _tx, chunk) => {
      const { added } = chunk.deferred(moodDayChanges);
      return recountLater(chunk, events.map((e) => e.payload.entryId).filter((id) => !added.has(id)));
    },
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
  await recomputeDays(tx, [{ owner_id: ownerId, day }]);
}

function recountLater(chunk: ChunkScope, entryIds: readonly string[]): Promise<void> {
  const changes = chunk.deferred(moodDayChanges);
  for (const id of entryIds) changes.recount.add(id);
  return Promise.resolve();
}

/**
 * Entries a chunk inserted for the first time, alive (`entries_view`'s set-based JournalEntryCreated): their days
 * move by increments at the chunk's end instead of being recomputed, unless something else in the chunk makes a
 * recompute necessary (see `moodDayChanges`).
 */
export function addNewEntries(chunk: ChunkScope, entryIds: readonly string[]): void {
  if (entryIds.length === 0) return;
  const changes = chunk.deferred(moodDayChanges);
  for (const id of entryIds) changes.added.add(id);
}

interface MoodDayChanges {
  /** Entries whose day is recomputed from the rows (updated, deleted, mood recorded, or not a first insert). */
  readonly recount: Set<string>;
  /** New live entries whose day may move by increments. */
  readonly added: Set<string>;
}

/**
 * The days of a chunk's entry events (set-based path), written at its end: each (owner, day) under its own advisory
 * lock, taken (in one statement, in id order) *before* the statements that write it, and held to the commit. A day's
 * inputs change only in transactions that write it afterwards under that lock (or under the owner's exclusive key:
 * a journal's deletion, an analysis), so whichever writes a day last sees every other change committed: the day is
 * exact, while chunks of the same users run side by side until their last statements.
 *
 * A day is recomputed from the rows (`recomputeDays`) when one of its entries changed or was not a first insert,
 * when a new entry of it already has a sentiment (its analysis was projected first), or when this transaction
 * already wrote its row (a journal's deletion, an analysis or a redating recomputed it mid-chunk, possibly with the
 * new entries in it). Otherwise the day only gained entries that have no sentiment: its counters move by
 * increments (`incrementDays`), a few rows instead of a scan of the day's entries.
 */
const moodDayChanges: DeferredWrite<MoodDayChanges> = {
  order: '1 mood_days',
  start: () => ({ recount: new Set(), added: new Set() }),
  async settle({ recount, added }, tx) {
    for (const id of recount) added.delete(id);
    if (recount.size === 0 && added.size === 0) return;
    const { rows } = await tx.query<{ owner_id: string; day: string; recompute: boolean }>(
      `SELECT d.owner_id, to_char(d.day, 'YYYY-MM-DD') AS day, d.recompute, pg_advisory_xact_lock(d.id) AS locked
       FROM (SELECT owner_id, day, bool_or(recompute) AS recompute,
                    hashtextextended(current_schema() || ':mood-day:' || owner_id || ':' || day, 0) AS id
               FROM (SELECT e.owner_id, (e.created_at AT TIME ZONE 'UTC')::date AS day,
                            e.entry_id = ANY($1::uuid[]) OR s.entry_id IS NOT NULL
                            OR coalesce(m.xmin::text::bigint = txid_current() % 4294967296, false) AS recompute
                       FROM entries_view e
                       LEFT JOIN entry_sentiments s ON s.entry_id = e.entry_id
                       LEFT JOIN mood_days m ON m.owner_id = e.owner_id AND m.day = (e.created_at AT TIME ZONE 'UTC')::date
                      WHERE (e.entry_id = ANY($1::uuid[]) OR e.entry_id = ANY($2::uuid[])) AND e.created_at IS NOT NULL) AS days
              GROUP BY owner_id, day
              ORDER BY id) AS d`,
      [[...recount], [...added]],
    );
    const recomputed = rows.filter((r) => r.recompute);
    if (recomputed.length > 0) await recomputeDays(tx, recomputed);
    if (recomputed.length < rows.length) await incrementDays(tx, [...added], recomputed);
  },
};

/**
 * Adds new live entries to their days (locked by the caller), days in `skip` left out: per mood, `mood_day_moods`
 * counts them and keeps the latest `created_at`; the day's `mood` is read from those rows after the change (the
 * ones this statement wrote, from RETURNING, and the day's other moods), its entry and word counts move by the sums.
 * Its average sentiment does not move: none of these entries has one.
 */
async function incrementDays(tx: PoolClient, entryIds: readonly string[], skip: readonly { owner_id: string; day: string }[]): Promise<void> {
  await tx.query(
    `WITH added AS (
       SELECT e.owner_id, (e.created_at AT TIME ZONE 'UTC')::date AS day, e.mood, e.word_count, e.created_at
         FROM entries_view e
        WHERE e.entry_id = ANY($1::uuid[]) AND e.deleted_at IS NULL AND e.journal_id IS NOT NULL AND e.created_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::date[]) AS s(owner_id, day)
                           WHERE s.owner_id = e.owner_id AND s.day = (e.created_at AT TIME ZONE 'UTC')::date)),
     moods AS (
       INSERT INTO mood_day_moods AS m (owner_id, day, mood, entries, latest_at)
       SELECT owner_id, day, mood, count(*), max(created_at) FROM added WHERE mood IS NOT NULL
        GROUP BY owner_id, day, mood ORDER BY owner_id, day, mood
       ON CONFLICT (owner_id, day, mood) DO UPDATE SET entries = m.entries + EXCLUDED.entries,
         latest_at = greatest(m.latest_at, EXCLUDED.latest_at)
       RETURNING owner_id, day, mood, entries, latest_at),
     days AS (SELECT owner_id, day, count(*) AS n, coalesce(sum(word_count), 0) AS words FROM added GROUP BY owner_id, day),
     candidates AS (
       SELECT owner_id, day, mood, entries, latest_at FROM moods
       UNION ALL
       SELECT m.owner_id, m.day, m.mood, m.entries, m.latest_at
         FROM mood_day_moods m JOIN days d ON d.owner_id = m.owner_id AND d.day = m.day
        WHERE NOT EXISTS (SELECT 1 FROM moods w WHERE w.owner_id = m.owner_id AND w.day = m.day AND w.mood = m.mood))
     INSERT INTO mood_days AS m (owner_id, day, mood, entry_count, word_count, average_sentiment)
     SELECT d.owner_id, d.day,
            (SELECT c.mood FROM candidates c WHERE c.owner_id = d.owner_id AND c.day = d.day
              ORDER BY c.entries DESC, c.latest_at DESC, c.mood LIMIT 1),
            d.n, d.words, NULL
       FROM days d ORDER BY d.owner_id, d.day
     ON CONFLICT (owner_id, day) DO UPDATE SET mood = EXCLUDED.mood, entry_count = m.entry_count + EXCLUDED.entry_count,
       word_count = m.word_count + EXCLUDED.word_count`,
    [entryIds, skip.map((r) => r.owner_id), skip.map((r) => r.day)],
  );
}

/**
 * Recomputes each (owner, day) from the rows, in one statement: `mood_days` (days left with no live entry lose their
 * row) and the day's `mood_day_moods` (moods no longer on it lose theirs).
 */
async function recomputeDays(tx: PoolClient, days: readonly { owner_id: string; day: string }[]): Promise<void> {
  await tx.query(
    `WITH d AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS d(owner_id, day)),
     moods_now AS (
       SELECT d.owner_id, d.day, e.mood, count(*)::int AS entries, max(e.created_at) AS latest_at
         FROM d JOIN entries_view e ON e.owner_id = d.owner_id AND e.deleted_at IS NULL AND e.journal_id IS NOT NULL AND e.mood IS NOT NULL
          AND e.created_at >= d.day::timestamp AT TIME ZONE 'UTC' AND e.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
        GROUP BY d.owner_id, d.day, e.mood),
     moods_gone AS (
       DELETE FROM mood_day_moods m USING d
        WHERE m.owner_id = d.owner_id AND m.day = d.day
          AND NOT EXISTS (SELECT 1 FROM moods_now n WHERE n.owner_id = m.owner_id AND n.day = m.day AND n.mood = m.mood)),
     moods_written AS (
       INSERT INTO mood_day_moods AS m (owner_id, day, mood, entries, latest_at)
       SELECT owner_id, day, mood, entries, latest_at FROM moods_now ORDER BY owner_id, day, mood
       ON CONFLICT (owner_id, day, mood) DO UPDATE SET entries = EXCLUDED.entries, latest_at = EXCLUDED.latest_at),
     computed AS (
       SELECT d.owner_id, d.day,
              (SELECT n.mood FROM moods_now n WHERE n.owner_id = d.owner_id AND n.day = d.day
                ORDER BY n.entries DESC, n.latest_at DESC, n.mood LIMIT 1) AS mood,
              a.n, a.words, a.sentiment
         FROM d
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
