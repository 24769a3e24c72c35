import { describe, expect, it } from 'vitest';
import { moodTrend, type MoodDay } from './mood-trend.js';
import { streak } from './streak.js';
import { addDays, daysBetween } from './utc-days.js';

describe('streak (UTC days)', () => {
  it('counts consecutive days ending today', () => {
    expect(streak(['2030-03-01', '2030-02-28', '2030-02-27', '2030-02-25'], '2030-03-01')).toBe(3);
  });
  it('still counts when the last entry was yesterday, not before', () => {
    expect(streak(['2030-02-28', '2030-02-27'], '2030-03-01')).toBe(2);
    expect(streak(['2030-02-27'], '2030-03-01')).toBe(0);
    expect(streak([], '2030-03-01')).toBe(0);
  });
  it('crosses months and leap days, ignoring duplicates and the future', () => {
    expect(streak(['2028-03-01', '2028-02-29', '2028-02-28', '2028-02-28', '2028-03-05'], '2028-03-01')).toBe(3);
  });
});

describe('mood trend', () => {
  const day = (date: string, entryCount: number): MoodDay => ({ date, mood: 'CALM', averageSentiment: 0.5, entryCount, wordCount: 10 });

  it('has one point per day, oldest first, today last, days without entries at 0', () => {
    const trend = moodTrend([day('2030-01-01', 2)], '2030-01-02', 3);
    expect(trend).toEqual([
      { date: '2029-12-31', mood: null, averageSentiment: null, entryCount: 0, wordCount: 0 },
      day('2030-01-01', 2),
      { date: '2030-01-02', mood: null, averageSentiment: null, entryCount: 0, wordCount: 0 },
    ]);
  });
});

describe('UTC days', () => {
  it('add and list days', () => {
    expect(addDays('2030-12-31', 1)).toBe('2031-01-01');
    expect(daysBetween('2030-02-27', '2030-03-01')).toEqual(['2030-02-27', '2030-02-28', '2030-03-01']);
  });
});
