import { badInput, type DomainError } from './domain-error.js';

/**
 * Dates and instants a plan may name. The range keeps recurrence expansion bounded (a daily rule started
 * in year 1 would be walked for two thousand years to reach today) and catches typos such as 0202.
 */
export const planRange = { first: '2000-01-01', last: '2199-12-31' } as const;

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoInstant = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/;

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30) and lies in `planRange`. */
export function validDay(field: string, value: string): string | DomainError {
  const match = isoDay.exec(value.trim());
  const day = value.trim();
  if (!match) return badInput(field, `${field} must be a date YYYY-MM-DD`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return badInput(field, `${field} ${day} is not a day of the calendar`);
  }
  if (day < planRange.first || day > planRange.last) return badInput(field, `${field} must lie between ${planRange.first} and ${planRange.last}`);
  return day;
}

/** A wall-clock time `HH:MM` (24 h). */
export function validTimeOfDay(field: string, value: string): string | DomainError {
  const trimmed = value.trim();
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(trimmed) ? trimmed : badInput(field, `${field} must be a time HH:MM (00:00 to 23:59)`);
}

/** An ISO-8601 instant with a zone (`Z` or an offset), answered in UTC as `toISOString` spells it. */
export function validInstant(field: string, value: string): string | DomainError {
  const trimmed = value.trim();
  const ms = isoInstant.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(ms)) return badInput(field, `${field} must be an ISO-8601 instant with a zone, e.g. 2030-01-31T09:30:00Z`);
  const utc = new Date(ms).toISOString();
  if (utc.slice(0, 10) < planRange.first || utc.slice(0, 10) > planRange.last) {
    return badInput(field, `${field} must lie between ${planRange.first} and ${planRange.last}`);
  }
  return utc;
}

/** Midnight UTC of a valid day: where a day-granular recurrence starts. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
