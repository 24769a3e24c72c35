import { parseTags, sameDraft } from './entry-draft';
import { moodLabel, moodScore } from './moods';

describe('entry drafts', () => {
  it('parses tags typed with commas, spaces and #, lower-cased and unique', () => {
    expect(parseTags('Sleep, #writing  garden,sleep')).toEqual(['sleep', 'writing', 'garden']);
    expect(parseTags('  ,  ')).toEqual([]);
  });

  it('compares drafts by value', () => {
    const a = { title: 't', content: 'c', mood: 'GOOD' as const, tags: ['x'] };
    expect(sameDraft(a, { ...a, tags: ['x'] })).toBe(true);
    expect(sameDraft(a, { ...a, mood: null })).toBe(false);
  });

  it('shows and scores moods', () => {
    expect(moodLabel('GREAT')).toBe('😄 Great');
    expect(moodScore('BAD')).toBe(-1);
    expect(moodScore(null)).toBeNull();
  });
});
