import { describe, expect, it } from 'vitest';
import { defaultPromptQuestion, promptQuestion } from './daily-prompt.js';

describe('the daily prompt\'s question', () => {
  it('is the default question without a recent theme', () => {
    expect(promptQuestion([], '2026-12-07')).toBe(defaultPromptQuestion);
    expect(promptQuestion(['  ', ''], '2026-12-07')).toBe(defaultPromptQuestion);
  });

  it('asks about one of the three most frequent recent themes, the same one all day', () => {
    const themes = ['hiking', 'work', 'family', 'sleep'];
    const question = promptQuestion(themes, '2026-12-07');
    expect(question).toMatch(/hiking|work|family/);
    expect(question).not.toContain('sleep');
    expect(question).not.toContain('{theme}');
    expect(promptQuestion(themes, '2026-12-07')).toBe(question);
  });

  it('changes from one day to the next and, over a week, visits every one of the top themes', () => {
    const themes = ['hiking', 'work', 'family'];
    const week = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'].map((day) => promptQuestion(themes, day));
    for (let i = 1; i < week.length; i++) expect(week[i]).not.toBe(week[i - 1]);
    for (const theme of themes) expect(week.some((q) => q.includes(theme))).toBe(true);
  });
});
