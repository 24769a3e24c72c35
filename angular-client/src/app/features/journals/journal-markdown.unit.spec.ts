import { journalToMarkdown, markdownFileName } from './journal-markdown';

describe('journal Markdown export', () => {
  it('writes the journal oldest entry first with date, mood and tags', () => {
    const markdown = journalToMarkdown({ name: 'Morning pages', description: 'Three pages a day' }, [
      { title: 'Second', content: 'Rain.\n', mood: null, tags: [], createdAt: '2026-11-02T07:00:00Z' },
      { title: null, content: 'Slept well.', mood: 'GOOD', tags: ['sleep', 'writing'], createdAt: '2026-11-01T07:00:00Z' },
    ]);
    expect(markdown).toBe([
      '# Morning pages', '', 'Three pages a day', '',
      '## Untitled', '', '*2026-11-01* · mood: good · #sleep #writing', '', 'Slept well.', '',
      '## Second', '', '*2026-11-02*', '', 'Rain.', '',
    ].join('\n'));
  });

  it('names the file after the journal, safely', () => {
    expect(markdownFileName('Morning Pages / 2026!')).toBe('morning-pages-2026.md');
    expect(markdownFileName('???')).toBe('journal.md');
  });
});
