import { Temporal } from '@js-temporal/polyfill';

// Wall-clock arithmetic in an IANA time zone, with the Temporal API (the TC39 standard, through its reference
// polyfill, README "Time zones"): a local date and time become an instant by the zone's rules of that day.

/** The zone used when a user has none, or one this runtime does not know. */
export const defaultTimeZone = 'UTC';

/** Whether `timeZone` is an IANA time zone (or offset) this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `timeZone` when valid, else UTC: a stored zone a later runtime no longer knows never stops the schedule. */
export const usableTimeZone = (timeZone: string | null | undefined): string =>
  timeZone && isValidTimeZone(timeZone) ? timeZone : defaultTimeZone;

/** A local "HH:MM" or "HH:MM:SS" as a time of day. */
export const timeOfDay = (time: string): Temporal.PlainTime => Temporal.PlainTime.from(time);

/**
 * The instant of a local date and time in a zone. A time the zone skips (spring forward) is moved on by the
 * gap (02:30 on the day Berlin jumps from 02:00 to 03:00 is 03:30 CEST); a time it repeats (fall back) is the
 * first of the two: RFC 5545's rule, Temporal's `compatible` disambiguation.
 */
export function zonedInstant(date: Temporal.PlainDate | string, time: Temporal.PlainTime | string, timeZone: string): Temporal.ZonedDateTime {
  const day = typeof date === 'string' ? Temporal.PlainDate.from(date) : date;
  return day.toPlainDateTime(typeof time === 'string' ? timeOfDay(time) : time).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
}

/** An instant as a date and time in a zone. */
export const zonedAt = (at: Date, timeZone: string): Temporal.ZonedDateTime =>
  Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);

/** The local calendar day ("YYYY-MM-DD") of an instant in a zone. */
export const localDate = (at: Date, timeZone: string): string => zonedAt(at, timeZone).toPlainDate().toString();

export const toDate = (zoned: Temporal.ZonedDateTime): Date => new Date(zoned.epochMilliseconds);

/** A fire time and what it fires: part of the notification's dedupe key (`<schedule key>@<occurrence>`). */
export interface NextFire {
  readonly fireAt: Date;
  /** A local date "YYYY-MM-DD" (an occurrence, a day's prompt, a week's reflection) or an ISO instant (a one-off reminder). */
  readonly occurrence: string;
}
