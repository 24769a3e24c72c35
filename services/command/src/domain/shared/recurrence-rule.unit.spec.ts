import { describe, expect, it } from 'vitest';
import { occursOn, validRecurrence } from './recurrence-rule.js';

const monday = new Date('2026-01-05T00:00:00.000Z');
const refused = (rule: string) => expect(validRecurrence(rule, monday)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recurrence' });

describe('recurrence rules (RFC 5545 RRULE)', () => {
  it('means "does not recur" when blank', () => {
    expect(validRecurrence(undefined, monday)).toBeNull();
    expect(validRecurrence(null, monday)).toBeNull();
    expect(validRecurrence('  ', monday)).toBeNull();
  });

  it('writes accepted rules canonically: upper case, no RRULE: prefix, FREQ first, the rest as given', () => {
    expect(validRecurrence('FREQ=WEEKLY;BYDAY=MO,WE', monday)).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
    expect(validRecurrence('rrule:count=3;freq=daily;interval=2', monday)).toBe('FREQ=DAILY;COUNT=3;INTERVAL=2');
    expect(validRecurrence('FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR', monday)).toBe('FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR');
    expect(validRecurrence('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', monday)).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29');
    expect(validRecurrence('FREQ=DAILY;UNTIL=20270101T000000Z', monday)).toBe('FREQ=DAILY;UNTIL=20270101T000000Z');
  });

  it('refuses what is not an RRULE', () => {
    for (const rule of ['nonsense', 'FREQ=DAILY;;', 'BYDAY=MO', 'FREQ=DAILY;FOO=1', 'FREQ=DAILY;FREQ=WEEKLY', 'x'.repeat(501)]) refused(rule);
  });

  it('refuses values out of RFC 5545 ranges that would make the engine loop or guess', () => {
    for (const rule of ['FREQ=DAILY;INTERVAL=x', 'FREQ=DAILY;INTERVAL=0', 'FREQ=MONTHLY;BYMONTHDAY=40', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=DAILY;COUNT=-1', 'FREQ=DAILY;UNTIL=20261340']) {
      refused(rule);
    }
  });

  it('refuses parts RFC 5545 does not allow together', () => {
    for (const rule of ['FREQ=DAILY;COUNT=2;UNTIL=20270101', 'FREQ=WEEKLY;BYDAY=1MO', 'FREQ=MONTHLY;BYWEEKNO=3', 'FREQ=WEEKLY;BYMONTHDAY=3', 'FREQ=DAILY;BYSETPOS=1']) {
      refused(rule);
    }
  });

  it('refuses sub-daily frequencies and times of day: a plan recurs by day', () => {
    for (const rule of ['FREQ=HOURLY', 'FREQ=MINUTELY', 'FREQ=DAILY;BYHOUR=9']) refused(rule);
  });

  it('refuses a rule that never occurs', () => {
    refused('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30');
    refused('FREQ=DAILY;UNTIL=20250101');
  });
});

describe('occursOn', () => {
  const day = (d: string) => new Date(`${d}T00:00:00.000Z`);
  it('is true on the dates of the series, the start always included, and false elsewhere', () => {
    const monthly = 'FREQ=MONTHLY;BYMONTHDAY=15';
    expect(occursOn(monthly, day('2026-01-05'), day('2026-01-05'))).toBe(true);
    expect(occursOn(monthly, day('2026-01-05'), day('2026-01-15'))).toBe(true);
    expect(occursOn(monthly, day('2026-01-05'), day('2027-03-15'))).toBe(true);
    expect(occursOn(monthly, day('2026-01-05'), day('2026-01-16'))).toBe(false);
    expect(occursOn(monthly, day('2026-01-05'), day('2025-12-15'))).toBe(false);
    expect(occursOn('FREQ=DAILY;COUNT=3', day('2026-01-05'), day('2026-01-07'))).toBe(true);
    expect(occursOn('FREQ=DAILY;COUNT=3', day('2026-01-05'), day('2026-01-08'))).toBe(false);
  });
});
