import { describe, expect, it } from 'vitest';
import { entryMarkdown } from './entry-markdown.js';

describe('an entry as Markdown', () => {
  const entry = {
    id: 'e1',
    title: 'Rain # and [links]',
    content: 'It rained.\n\n- umbrella\n',
    mood: 'CALM',
    tags: ['rain', 'say "hi"'],
    weather: null,
    location: 'Lyon',
    createdAt: '2026-12-07T08:00:00.000Z',
    updatedAt: '2026-12-07T09:00:00.000Z',
  };

  it('keeps every field in the front matter and the text as written, images shown and other files linked', () => {
    expect(
      entryMarkdown(entry, [
        { path: 'e/01-photo one.jpg', fileName: 'photo one.jpg', contentType: 'image/jpeg' },
        { path: 'e/02-walk.webm', fileName: 'walk.webm', contentType: 'audio/webm' },
      ]),
    ).toBe(
      [
        '---',
        'id: e1',
        'title: "Rain # and [links]"',
        'created: 2026-12-07T08:00:00.000Z',
        'updated: 2026-12-07T09:00:00.000Z',
        'mood: CALM',
        'tags: ["rain", "say \\"hi\\""]',
        'location: "Lyon"',
        '---',
        '',
        '# Rain \\# and \\[links\\]',
        '',
        'It rained.\n\n- umbrella',
        '',
        '![photo one.jpg](e/01-photo%20one.jpg)',
        '[walk.webm](e/02-walk.webm)',
        '',
      ].join('\n'),
    );
  });
});
