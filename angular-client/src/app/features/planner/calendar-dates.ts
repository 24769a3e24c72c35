/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC days (the API's calendar days are UTC days). */
export type View = 'day' | 'week' | 'month';

export function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** Monday of the day's week. */
export function startOfWeek(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

export function addMonths(day: string, months: number): string {
  const date = toDate(day);
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  return toDay(date);
}

/** The days a view shows around `day`: one day, Monday–Sunday, or the full weeks covering the month (≤ 42 days). */
export function viewRange(view: View, day: string): { start: string; end: string } {
  if (view === 'day') return { start: day, end: day };
  if (view === 'week') {
    const start = startOfWeek(day);
    return { start, end: addDays(start, 6) };
  }
  const first = `${day.slice(0, 7)}-01`;
  const last = addDays(addMonths(first, 1), -1);
  return { start: startOfWeek(first), end: addDays(startOfWeek(last), 6) };
}

/** Where "previous"/"next" go from `day` in a view. */
export function step(view: View, day: string, direction: 1 | -1): string {
  if (view === 'day') return addDays(day, direction);
  if (view === 'week') return addDays(day, 7 * direction);
  return addMonths(day, direction);
}

export function title(view: View, day: string): string {
  const date = toDate(day);
  if (view === 'month') return date.toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (view === 'week') {
    const { start, end } = viewRange('week', day);
    const fmt = (d: string) => toDate(d).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
    return `${fmt(start)} – ${fmt(end)}`;
  }
  return date.toLocaleDateString('en', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** Today as a UTC day. */
export function today(now: Date = new Date()): string {
  return toDay(now);
}
