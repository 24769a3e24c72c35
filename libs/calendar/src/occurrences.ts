import rrule from 'rrule';

// Expansion of the RFC 5545 RRULEs the command service accepted (canonical, day-granular: DAILY at the
// fastest, no times of day) with rrule, the maintained engine. Shared by the query projector (where a series
// ends), the query subgraph (which days it falls on) and the notifications service (a reminder's next
// occurrence). All arithmetic is in UTC: a task's occurrence is a calendar day, its UTC midnight here.

const { RRule } = rrule;

/**
 * A series: its first occurrence (a task's date at midnight UTC, an event's start) and the rule it repeats
 * by. As RFC 5545 says of DTSTART, the start always counts as the first occurrence, whether or not the
 * rule itself would produce it.
 */
export interface Series {
  readonly start: Date;
  readonly rule: string | null;
}

function ruleOf(series: Series): InstanceType<typeof RRule> | null {
  if (!series.rule) return null;
  return new RRule({ ...RRule.parseString(series.rule), dtstart: series.start });
}

/** The start of the last occurrence, or null when the series never ends (no COUNT, no UNTIL). */
export function lastOccurrence(series: Series): Date | null {
  const rule = ruleOf(series);
  if (!rule) return series.start;
  if (!rule.options.count && !rule.options.until) return null;
  const last = rule.options.until ? rule.before(rule.options.until, true) : rule.all().at(-1);
  return last && last > series.start ? last : series.start;
}

/** Every occurrence starting within [from, to] (both inclusive), in order. */
export function occurrencesBetween(series: Series, from: Date, to: Date): Date[] {
  const inWindow = (date: Date) => date >= from && date <= to;
  const rule = ruleOf(series);
  const found = rule ? rule.between(from, to, true) : [];
  if (inWindow(series.start) && !found.some((date) => date.getTime() === series.start.getTime())) found.unshift(series.start);
  return found.filter((date) => date >= series.start);
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** Midnight UTC of a `YYYY-MM-DD` day. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
