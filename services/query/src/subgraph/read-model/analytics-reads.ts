import type { Reader } from './reader.js';
import type { MoodDay } from '../../analytics/mood-trend.js';
import { moods } from './records.js';
import { taskOccurrencesBetween } from './task-reads.js';

// Every query names the owner (row-level security enforces it underneath as well).

interface MoodDayRow {
  day: string;
  mood: string | null;
  average_sentiment: number | null;
  entry_count: number;
  word_count: number;
}

/** The owner's days with entries in [from, to], oldest first. */
export async function moodDaysOf(pool: Reader, ownerId: string, from: string, to: string): Promise<MoodDay[]> {
  const { rows } = await pool.query<MoodDayRow>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, mood, average_sentiment, entry_count, word_count
       FROM mood_days WHERE owner_id = $1 AND day BETWEEN $2::date AND $3::date ORDER BY day`,
    [ownerId, from, to],
  );
  return rows.map((row) => ({
    date: row.day,
    mood: moods.find((m) => m === row.mood) ?? null,
    averageSentiment: row.average_sentiment,
    entryCount: row.entry_count,
    wordCount: row.word_count,
  }));
}

/**
 * The owner's days with entries up to `today`, newest first, as far back as a streak can reach: it stops
 * at the first gap, so this reads at most the streak's length (+1) rows, bounded by `limit`.
 */
export async function streakDaysOf(pool: Reader, ownerId: string, today: string, limit = 3_660): Promise<string[]> {
  const { rows } = await pool.query<{ day: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM (
       SELECT day, day + (row_number() OVER (ORDER BY day DESC))::int AS island
         FROM (SELECT day FROM mood_days WHERE owner_id = $1 AND day <= $2::date ORDER BY day DESC LIMIT $3) AS recent
     ) AS numbered
     WHERE island = (SELECT max(day) + 1 FROM mood_days WHERE owner_id = $1 AND day <= $2::date)
     ORDER BY day DESC`,
    [ownerId, today, limit],
  );
  return rows.map((row) => row.day);
}

export interface TaskStats {
  readonly total: number;
  readonly completed: number;
  readonly completionRate: number;
}

/**
 * The owner's live tasks whose series overlaps [from, to] (as `tasks(from, to)`), and how many are
 * completed: with both bounds, occurrence by occurrence (each day of a recurring task counts on its own).
 */
export async function taskStatsOf(pool: Reader, ownerId: string, from: string | null, to: string | null): Promise<TaskStats> {
  if (from !== null && to !== null) {
    const occurrences = await taskOccurrencesBetween(pool, ownerId, from, to);
    return stats(occurrences.length, occurrences.filter((task) => task.completed).length);
  }
  const { rows } = await pool.query<{ total: number; completed: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE completed)::int AS completed FROM tasks_view
      WHERE owner_id = $1 AND deleted_at IS NULL
        AND ($2::date IS NULL OR last_date >= $2::date) AND ($3::date IS NULL OR date <= $3::date)`,
    [ownerId, from, to],
  );
  const { total, completed } = rows[0] ?? { total: 0, completed: 0 };
  return stats(total, completed);
}

const stats = (total: number, completed: number): TaskStats => ({ total, completed, completionRate: total === 0 ? 0 : completed / total });

/** The entries (live ones) analysed most recently, newest analysis first. */
export async function latestInsightsOf(pool: Reader, ownerId: string, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ entry_id: string }>(
    `SELECT s.entry_id FROM entry_sentiments s JOIN entries_view e ON e.entry_id = s.entry_id
      WHERE s.owner_id = $1 AND e.owner_id = $1 AND e.deleted_at IS NULL AND e.created_at IS NOT NULL
      ORDER BY s.generated_at DESC, s.entry_id DESC LIMIT $2`,
    [ownerId, limit],
  );
  return rows.map((row) => row.entry_id);
}
