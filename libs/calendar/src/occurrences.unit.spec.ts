import { describe, expect, it } from 'vitest';
import { dayStart, lastOccurrence, occurrencesBetween, utcDay } from './occurrences.js';

const days = (dates: Date[]) => dates.map(utcDay);

describe('recurrence expansion', () => {
  it('a series without a rule occurs once, at its start', () => {
    const series = { start: dayStart('2030-01-07'), rule: null };
    expect(days(occurrencesBetween(series, dayStart('2030-01-01'), dayStart('2030-01-31')))).toEqual(['2030-01-07']);
    expect(occurrencesBetween(series, dayStart('2030-02-01'), dayStart('2030-02-28'))).toEqual([]);
    expect(lastOccurrence(series)).toEqual(dayStart('2030-01-07'));
  });

  it('expands a weekly rule within a window, never before the start', () => {
    const series = { start: dayStart('2030-01-07'), rule: 'FREQ=WEEKLY;BYDAY=MO,TH' }; // a Monday
    expect(days(occurrencesBetween(series, dayStart('2029-12-25'), dayStart('2030-01-20')))).toEqual([
      '2030-01-07', '2030-01-10', '2030-01-14', '2030-01-17',
    ]);
    expect(lastOccurrence(series)).toBeNull();
  });

  it('counts the start as the first occurrence even when the rule would not produce it', () => {
    const series = { start: dayStart('2030-01-09'), rule: 'FREQ=WEEKLY;BYDAY=MO' }; // a Wednesday
    expect(days(occurrencesBetween(series, dayStart('2030-01-01'), dayStart('2030-01-20')))).toEqual(['2030-01-09', '2030-01-14']);
  });

  it('ends a series at its COUNT or UNTIL', () => {
    expect(utcDay(lastOccurrence({ start: dayStart('2030-01-31'), rule: 'FREQ=MONTHLY;COUNT=3' })!)).toBe('2030-05-31'); // no 31 Feb, 31 Apr
    expect(utcDay(lastOccurrence({ start: dayStart('2030-01-01'), rule: 'FREQ=WEEKLY;UNTIL=20300120' })!)).toBe('2030-01-15');
  });

  it('keeps the time of day of an instant start', () => {
    const series = { start: new Date('2030-03-04T08:00:00.000Z'), rule: 'FREQ=DAILY;COUNT=3' };
    expect(occurrencesBetween(series, dayStart('2030-03-05'), dayStart('2030-03-31'))).toEqual([
      new Date('2030-03-05T08:00:00.000Z'),
      new Date('2030-03-06T08:00:00.000Z'),
    ]);
  });
});
