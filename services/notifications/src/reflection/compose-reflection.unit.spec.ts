import { describe, expect, it } from 'vitest';
import { composeReflection, type ReflectionEntry } from './compose-reflection.js';
import { reflectedWeekStart } from './reflection-generator.js';
import { localDay, localMidnight } from './weekly-reflections.js';

const entry = (entryId: string, day: string, content: string, extra: Partial<ReflectionEntry> = {}): ReflectionEntry => ({
  entryId, title: null, content, mood: null, day, createdAt: new Date(`${day}T12:00:00Z`), themes: [], sentiment: null, ...extra,
});

describe('composeReflection', () => {
  it('says so when the week has no entries, with seven empty days', () => {
    const empty = composeReflection('2030-02-04', []);
    expect(empty).toMatchObject({ entryCount: 0, themes: [], highlightIds: [] });
    expect(empty.summary).toMatch(/no entries this week/);
    expect(empty.moodTrend).toHaveLength(7);
    expect(empty.moodTrend.every((p) => p.entryCount === 0 && p.mood === null && p.averageSentiment === null)).toBe(true);
  });

  it('counts, ranks themes (ties by name), picks the latest of tied moods, and highlights the strongest entries', () => {
    const composed = composeReflection('2030-02-04', [
      entry('a', '2030-02-04', 'one two three', { mood: 'LOW', themes: ['work', 'work'], sentiment: -0.8 }),
      entry('b', '2030-02-04', 'four five', { mood: 'GREAT', themes: ['rest'], sentiment: 0.1, createdAt: new Date('2030-02-04T13:00:00Z') }),
      entry('c', '2030-02-06', 'six', { themes: ['work', 'rest', 'art'], sentiment: 0.3 }),
      entry('d', '2030-02-07', 'seven eight nine ten'),
    ]);
    expect(composed.entryCount).toBe(4);
    expect(composed.themes).toEqual(['rest', 'work', 'art']);
    expect(composed.moodTrend[0]).toEqual({ date: '2030-02-04', mood: 'GREAT', averageSentiment: -0.35, entryCount: 2, wordCount: 5 });
    expect(composed.highlightIds).toEqual(['a', 'c', 'b']);
    expect(composed.summary).toBe('You wrote 4 entries on 3 days this week. It was mostly about rest, work and art. Your most frequent mood was great. Overall the week was fairly even.');
  });
});

describe('local days', () => {
  it('finds local midnight across a DST change and names an instant’s local day', () => {
    expect(localMidnight('2030-03-10', 'America/New_York').toISOString()).toBe('2030-03-10T05:00:00.000Z'); // EST, the day DST starts
    expect(localMidnight('2030-03-11', 'America/New_York').toISOString()).toBe('2030-03-11T04:00:00.000Z'); // EDT
    expect(localMidnight('2030-02-04', 'Asia/Kolkata').toISOString()).toBe('2030-02-03T18:30:00.000Z');
    expect(localMidnight('2030-02-04', 'UTC').toISOString()).toBe('2030-02-04T00:00:00.000Z');
    expect(localDay(new Date('2030-02-04T08:30:00Z'), 'America/Los_Angeles')).toBe('2030-02-04');
    expect(localDay(new Date('2030-02-04T07:59:00Z'), 'America/Los_Angeles')).toBe('2030-02-03');
  });
});

describe('the week a scheduled reflection looks back on', () => {
  it('is the last complete Monday-Sunday week before the firing day, or on a Sunday the week ending that day', () => {
    expect(reflectedWeekStart('2025-02-09')).toBe('2025-02-03'); // Sunday: the week ending that day
    expect(reflectedWeekStart('2025-02-10')).toBe('2025-02-03'); // Monday: the week that just ended
    expect(reflectedWeekStart('2025-02-12')).toBe('2025-02-03'); // Wednesday: the last complete week, not Monday-Tuesday
    expect(reflectedWeekStart('2025-02-15')).toBe('2025-02-03'); // Saturday: likewise
    expect(reflectedWeekStart('2025-01-01')).toBe('2024-12-23'); // across a year end (Wednesday 1 January)
  });
});
