import { highlightSegments } from './highlight';

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
