import rrule from 'rrule';
import { badInput, type DomainError } from './domain-error.js';

// rrule (the maintained RFC 5545 engine) parses leniently: `INTERVAL=x` or `BYMONTHDAY=40` are taken
// as they are and then loop forever when expanded. So every part is first checked against the value
// ranges of RFC 5545 §3.3.10; rrule then builds the rule and proves, by expanding it, that it occurs.

const { RRule } = rrule;

const field = 'recurrence';
const refuse = (why: string) => badInput(field, `recurrence is not a valid RRULE: ${why}`);

/** Day-granular plans: tasks and events recur by day at the fastest (their start gives the time). */
const frequencies = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
const weekday = '(MO|TU|WE|TH|FR|SA|SU)';
const signed = (max: number) => (value: string) => /^[+-]?\d{1,3}$/.test(value) && Math.abs(Number(value)) >= 1 && Math.abs(Number(value)) <= max;
const unsigned = (min: number, max: number) => (value: string) => /^\d{1,4}$/.test(value) && Number(value) >= min && Number(value) <= max;
const list = (item: (value: string) => boolean) => (value: string) => value.split(',').every(item);

/** The parts we accept, each with its value check. */
const parts: readonly [string, (value: string) => boolean][] = [
  ['FREQ', (v) => (frequencies as readonly string[]).includes(v)],
  ['INTERVAL', unsigned(1, 999)],
  ['COUNT', unsigned(1, 9999)],
  ['UNTIL', validUntil],
  ['BYMONTH', list(unsigned(1, 12))],
  ['BYWEEKNO', list(signed(53))],
  ['BYYEARDAY', list(signed(366))],
  ['BYMONTHDAY', list(signed(31))],
  ['BYDAY', list((v) => new RegExp(`^([+-]?([1-9]|[1-4]\\d|5[0-3]))?${weekday}$`).test(v))],
  ['BYSETPOS', list(signed(366))],
  ['WKST', (v) => new RegExp(`^${weekday}$`).test(v)],
];
const partNames = new Set(parts.map(([name]) => name));
const unsupported = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND']);

/** How far ahead a rule must produce an occurrence: a 29 February rule needs up to eight years. */
const occurrenceHorizonYears = 10;

/**
 * An RRULE (`FREQ=WEEKLY;BYDAY=MO,WE`, optionally prefixed `RRULE:`) for a series starting at `start`:
 * blank means "does not recur" (null); otherwise the rule written canonically (upper case, FREQ first,
 * no prefix), or why it is refused.
 */
export function validRecurrence(value: string | null | undefined, start: Date): string | null | DomainError {
  if (value === undefined || value === null || value.trim() === '') return null;
  if (value.length > 500) return refuse('at most 500 characters');
  const body = value.trim().toUpperCase().replace(/^RRULE:/, '');
  const given = new Map<string, string>();
  for (const part of body.split(';')) {
    const [name, text, extra] = part.split('=');
    if (!name || text === undefined || text === '' || extra !== undefined) return refuse(`"${part}" is not NAME=VALUE`);
    if (unsupported.has(name)) return refuse(`${name} is not supported: a plan recurs by day, its start gives the time`);
    if (!partNames.has(name)) return refuse(`unknown part ${name}`);
    if (given.has(name)) return refuse(`${name} is given twice`);
    given.set(name, text);
  }
  const freq = given.get('FREQ');
  if (freq && !(frequencies as readonly string[]).includes(freq)) return refuse(`FREQ=${freq} is not supported: ${frequencies.join(', ')}`);
  for (const [name, valid] of parts) {
    const text = given.get(name);
    if (text !== undefined && !valid(text)) return refuse(`${name}=${text} is out of range`);
  }
  const combination = checkCombination(given);
  if (combination) return refuse(combination);
  // FREQ first (RFC 5545 asks it of producers, and the event contract's shape expects it), then the
  // caller's parts in the caller's order.
  const canonical = [`FREQ=${freq}`, ...[...given].filter(([name]) => name !== 'FREQ').map(([name, text]) => `${name}=${text}`)].join(';');
  return occurs(canonical, start) ? canonical : refuse(`it never occurs within ${occurrenceHorizonYears} years of the start`);
}

/** `YYYYMMDD` or `YYYYMMDDTHHMMSSZ`, a real day. */
function validUntil(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})(T([01]\d|2[0-3])[0-5]\d[0-5]\dZ)?$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** RFC 5545's rules about which parts go together. */
function checkCombination(given: ReadonlyMap<string, string>): string | undefined {
  const freq = given.get('FREQ');
  if (!freq) return 'FREQ is required';
  if (given.has('COUNT') && given.has('UNTIL')) return 'COUNT and UNTIL exclude each other';
  if (freq !== 'YEARLY' && given.has('BYWEEKNO')) return 'BYWEEKNO needs FREQ=YEARLY';
  if (freq !== 'YEARLY' && given.has('BYYEARDAY')) return 'BYYEARDAY needs FREQ=YEARLY';
  if (freq === 'WEEKLY' && given.has('BYMONTHDAY')) return 'BYMONTHDAY cannot go with FREQ=WEEKLY';
  const ordinalDay = (given.get('BYDAY') ?? '').split(',').some((day) => /\d/.test(day));
  if (ordinalDay && freq !== 'MONTHLY' && freq !== 'YEARLY') return 'a numbered BYDAY (e.g. 1MO) needs FREQ=MONTHLY or YEARLY';
  if (given.has('BYSETPOS') && ![...given.keys()].some((name) => name.startsWith('BY') && name !== 'BYSETPOS')) {
    return 'BYSETPOS needs another BY… part';
  }
  return undefined;
}

/**
 * Whether a series (a valid canonical rule started at `start`, midnight UTC) falls on `day` (midnight UTC).
 * As RFC 5545 says of DTSTART, the start always counts, whether or not the rule itself would produce it
 * (the read side expands series the same way).
 */
export function occursOn(rule: string, start: Date, day: Date): boolean {
  if (day.getTime() === start.getTime()) return true;
  if (day < start) return false;
  const series = new RRule({ ...RRule.parseString(rule), dtstart: start });
  return series.between(day, day, true, (_date, index) => index < 1).length > 0;
}

/** Whether the rule, started at `start`, yields an occurrence (the start itself included) within the horizon. */
function occurs(canonical: string, start: Date): boolean {
  try {
    const rule = new RRule({ ...RRule.parseString(canonical), dtstart: start });
    const horizon = new Date(start.getTime());
    horizon.setUTCFullYear(horizon.getUTCFullYear() + occurrenceHorizonYears);
    return rule.between(start, horizon, true, (_date, index) => index < 1).length > 0;
  } catch {
    return false;
  }
}
