import { highlightSegments, markdownHighlightSegments } from './highlight';

describe('highlightSegments', () => {
  it('marks the <em> parts and keeps the rest as text', () => {
    expect(highlightSegments('a <em>quiet</em> morning <em>walk</em>')).toEqual([
      { text: 'a ', marked: false },
      { text: 'quiet', marked: true },
      { text: ' morning ', marked: false },
      { text: 'walk', marked: true },
    ]);
  });

  it('understands <mark> too and leaves any other markup literal (never HTML)', () => {
    expect(highlightSegments('<mark>x</mark><img src=x onerror=alert(1)>')).toEqual([
      { text: 'x', marked: true },
      { text: '<img src=x onerror=alert(1)>', marked: false },
    ]);
  });

  it('returns plain text as one unmarked segment', () => {
    expect(highlightSegments('nothing matched')).toEqual([{ text: 'nothing matched', marked: false }]);
  });
});

describe('markdownHighlightSegments (an entry\'s text is Markdown)', () => {
  it('shows the text a reader sees, not the Markdown syntax, with the matches still marked', () => {
    expect(markdownHighlightSegments('# Morning\n\nA **<em>quiet</em>** walk to the [<em>harbour</em>](https://example.com), `code`')).toEqual([
      { text: 'Morning A ', marked: false },
      { text: 'quiet', marked: true },
      { text: ' walk to the ', marked: false },
      { text: 'harbour', marked: true },
      { text: ', code', marked: false },
    ]);
  });

  it('keeps raw HTML in the text literal, never markup', () => {
    expect(markdownHighlightSegments('<em>x</em> <img src=x onerror=alert(1)>')).toEqual([
      { text: 'x', marked: true },
      { text: ' <img src=x onerror=alert(1)>', marked: false },
    ]);
  });

  it('marks a match inside emphasis and lists', () => {
    expect(markdownHighlightSegments('- one *<em>garden</em> party*\n- two')).toEqual([
      { text: 'one ', marked: false },
      { text: 'garden', marked: true },
      { text: ' party two', marked: false },
    ]);
  });
});
