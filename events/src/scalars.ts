import { z } from 'zod';
import { notPersonal, personal } from './privacy/personal.js';

// The building blocks every payload shares, so "an id" or "an instant" means the same thing in every event.

/**
 * Any 8-4-4-4-12 hex id. Deliberately `guid`, not zod's strict RFC `uuid`: Postgres `uuid` columns accept
 * every such value, and a contract stricter than the store would reject rows the store already holds.
 */
export const Id = z.guid();

/** An ISO-8601 instant with `Z` or an offset; producers normally send `Date#toISOString()`. */
export const Instant = z.iso.datetime({ offset: true });

/** A calendar day, `YYYY-MM-DD` (the GraphQL `Date` scalar). */
export const CalendarDate = z.iso.date();

/** A wall-clock time of day, `HH:MM`. */
export const TimeOfDay = z.iso.time({ precision: -1 });

/**
 * One RFC 5545 RRULE line (`FREQ=WEEKLY;BYDAY=MO`, optionally prefixed `RRULE:`). Only the shape is checked
 * here; a contract package should not pull in a recurrence engine, the command side validates semantics.
 */
export const RecurrenceRule = notPersonal(
  z.string().regex(/^(RRULE:)?FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[^;\s]+)*$/, 'expected an RRULE such as FREQ=WEEKLY;BYDAY=MO'),
  'an RRULE: keywords and numbers only',
);

/** A tag as users type it (personal: their words); the command side normalises (trim, case) before it becomes a fact. */
export const Tag = personal(z.string().min(1));
