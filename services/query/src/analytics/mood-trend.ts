import type { Mood } from '@mindflow/events';
import { addDays, daysBetween } from './utc-days.js';

/** One UTC day of entries as `mood_days` keeps it. */
export interface MoodDay {
  readonly date: string;
  readonly mood: Mood | null;
  readonly averageSentiment: number | null;
  readonly entryCount: number;
  readonly wordCount: number;
}

export const maxTrendDays = 366;

/** The first day of a trend of `days` days ending today. */
export const trendStart = (today: string, days: number): string => addDays(today, -(days - 1));

/** One point per day of the `days` days ending today, oldest first; a day without entries counts 0. */
export function moodTrend(recorded: readonly MoodDay[], today: string, days: number): MoodDay[] {
  const byDate = new Map(recorded.map((day) => [day.date, day]));
  return daysBetween(trendStart(today, days), today).map(
    (date) => byDate.get(date) ?? { date, mood: null, averageSentiment: null, entryCount: 0, wordCount: 0 },
  );
}
