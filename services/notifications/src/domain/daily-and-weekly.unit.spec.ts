import { describe, expect, it } from 'vitest';
import { nextJournalPrompt, nextWeeklyReflection } from './daily-and-weekly.js';

const iso = (fire: { fireAt: Date; occurrence: string }) => ({ fireAt: fire.fireAt.toISOString(), occurrence: fire.occurrence });
const at = (value: string) => new Date(value);

describe('the daily journal prompt', () => {
  it('fires at the local time today if still ahead, else tomorrow', () => {
    expect(iso(nextJournalPrompt('21:30', 'Europe/Berlin', at('2030-03-30T20:00:00Z')))).toEqual({ fireAt: '2030-03-30T20:30:00.000Z', occurrence: '2030-03-30' });
    expect(iso(nextJournalPrompt('21:30', 'Europe/Berlin', at('2030-03-30T20:30:00Z')))).toEqual({ fireAt: '2030-03-31T19:30:00.000Z', occurrence: '2030-03-31' });
  });

  it('moves a time skipped by spring-forward on by the gap, and fires once on a fall-back day', () => {
    expect(iso(nextJournalPrompt('02:30', 'Europe/Berlin', at('2030-03-30T12:00:00Z')))).toEqual({ fireAt: '2030-03-31T01:30:00.000Z', occurrence: '2030-03-31' });
    expect(iso(nextJournalPrompt('02:30', 'Europe/Berlin', at('2030-10-26T12:00:00Z')))).toEqual({ fireAt: '2030-10-27T00:30:00.000Z', occurrence: '2030-10-27' });
    expect(iso(nextJournalPrompt('02:30', 'Europe/Berlin', at('2030-10-27T00:30:00Z')))).toEqual({ fireAt: '2030-10-28T01:30:00.000Z', occurrence: '2030-10-28' });
  });

  it('reads the local date in the user’s zone (already tomorrow in Tokyo)', () => {
    // 22:00Z is 07:00 on 2 June in Tokyo: that day's 08:00 is still ahead
    expect(iso(nextJournalPrompt('08:00', 'Asia/Tokyo', at('2030-06-01T22:00:00Z')))).toEqual({ fireAt: '2030-06-01T23:00:00.000Z', occurrence: '2030-06-02' });
    expect(iso(nextJournalPrompt('08:00', 'Asia/Tokyo', at('2030-06-01T23:00:00Z')))).toEqual({ fireAt: '2030-06-02T23:00:00.000Z', occurrence: '2030-06-03' });
  });
});

describe('the weekly reflection', () => {
  it('fires on the ISO weekday at 18:00 local, this week if still ahead', () => {
    // 2030-03-29 is a Friday; Sunday 31 March is the first day of CEST
    expect(iso(nextWeeklyReflection(7, 'Europe/Berlin', at('2030-03-29T12:00:00Z')))).toEqual({ fireAt: '2030-03-31T16:00:00.000Z', occurrence: '2030-03-31' });
    expect(iso(nextWeeklyReflection(7, 'Europe/Berlin', at('2030-03-31T15:59:00Z')))).toEqual({ fireAt: '2030-03-31T16:00:00.000Z', occurrence: '2030-03-31' });
    expect(iso(nextWeeklyReflection(7, 'Europe/Berlin', at('2030-03-31T16:00:00Z')))).toEqual({ fireAt: '2030-04-07T16:00:00.000Z', occurrence: '2030-04-07' });
    expect(iso(nextWeeklyReflection(5, 'Europe/Berlin', at('2030-03-29T12:00:00Z')))).toEqual({ fireAt: '2030-03-29T17:00:00.000Z', occurrence: '2030-03-29' });
    expect(iso(nextWeeklyReflection(1, 'Asia/Kolkata', at('2030-03-29T12:00:00Z')))).toEqual({ fireAt: '2030-04-01T12:30:00.000Z', occurrence: '2030-04-01' });
  });

  it('refuses a weekday outside 1…7', () => {
    expect(() => nextWeeklyReflection(0, 'UTC', at('2030-03-29T12:00:00Z'))).toThrow(RangeError);
  });
});
