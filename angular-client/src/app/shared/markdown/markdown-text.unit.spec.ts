import { markdownToText } from './markdown-text';

describe('markdownToText', () => {
  it('reads Markdown as the text a reader sees, one line', () => {
    const markdown = [
      '# Harbour', '', '**Gulls** and *wind*, `tide` at [the pier](https://example.com) ![a boat](boat.png)', '',
      '- one', '- two **more**', '', '> quoted', '', '```', 'code block', '```', '', '| a | b |', '|---|---|', '| c | d |', '', '---', 'end',
    ].join('\n');
    expect(markdownToText(markdown)).toBe('Harbour Gulls and wind, tide at the pier a boat one two more quoted code block a b c d end');
  });

  it('leaves raw HTML and characters that are not syntax as they are', () => {
    expect(markdownToText('a <b>x</b> > y & z, 3 * 4 * 5')).toBe('a <b>x</b> > y & z, 3 * 4 * 5');
  });

  it('keeps right-to-left text and line breaks as spaces', () => {
    expect(markdownToText('## שלום\nעולם **טוב**')).toBe('שלום עולם טוב');
  });
});
