import { addDays } from './utc-days.js';

/**
 * Consecutive UTC days with at least one entry, ending today or yesterday (a streak is not broken before
 * the day is over); 0 when neither has an entry. `entryDays` are `YYYY-MM-DD`, any order, duplicates
 * and days after today ignored.
 */
export function streak(entryDays: Iterable<string>, today: string): number {
  const days = new Set(entryDays);
  let day = days.has(today) ? today : addDays(today, -1);
  let length = 0;
  while (days.has(day)) {
    length += 1;
    day = addDays(day, -1);
  }
  return length;
}
