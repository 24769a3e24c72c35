import { draftProblems, entryLimits, parseTags, sameDraft } from './entry-draft';
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

describe('draft problems (the server limits, checked before saving)', () => {
  const draft = { title: '', content: 'text', mood: null, tags: [] as string[] };

  it('finds nothing wrong in an ordinary draft, nor in an empty one', () => {
    expect(draftProblems({ ...draft, title: 'x'.repeat(entryLimits.title) })).toEqual({});
    expect(draftProblems({ ...draft, content: '' })).toEqual({});
  });

  it('points at each field over its limit', () => {
    const problems = draftProblems({
      ...draft, title: 'x'.repeat(201), content: 'y'.repeat(100_001), tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
    });
    expect(problems.title).toContain('at most 200 characters: this one has 201');
    expect(problems.content).toContain('100,000');
    expect(problems.tags).toContain('At most 20 tags');
    expect(draftProblems({ ...draft, tags: ['z'.repeat(51)] }).tags).toContain('at most 50 characters');
  });

  it('counts the title as the server does, trimmed', () => {
    expect(draftProblems({ ...draft, title: `  ${'x'.repeat(200)}  ` })).toEqual({});
  });
});
