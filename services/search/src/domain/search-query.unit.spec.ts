import { describe, expect, it } from 'vitest';
import { decodeSearchCursor, encodeSearchCursor, InvalidSearch, searchQueryOf, suggestPrefixOf } from './search-query.js';
import { highlights } from './highlight.js';
import { analyse, analysedText, analyseDocument, editDistance, fold, maxEdits, queryWords, stem, suggestionWords, words } from './text-analysis.js';

const owner = '11111111-1111-4111-8111-111111111111';

describe('search requests', () => {
  it('become queries of the owner with defaults', () => {
    expect(searchQueryOf(owner, { query: '  kayak trip ' })).toEqual({
      ownerId: owner, text: 'kayak trip', kinds: [], tags: [], mood: null, from: null, to: null, first: 20, after: null,
    });
  });

  it('are refused with the field to fix', () => {
    const field = (request: Parameters<typeof searchQueryOf>[1]) => {
      try {
        searchQueryOf(owner, request);
      } catch (error) {
        return error instanceof InvalidSearch ? error.field : 'other';
      }
      return 'accepted';
    };
    expect(field({ query: '' })).toBe('query');
    expect(field({ query: 'x'.repeat(257) })).toBe('query');
    expect(field({ query: 'x', first: 0 })).toBe('first');
    expect(field({ query: 'x', first: 101 })).toBe('first');
    expect(field({ query: 'x', first: 100 })).toBe('accepted');
    expect(field({ query: 'x', from: '2030-1-1' })).toBe('from');
    expect(field({ query: 'x', from: '2030-02-01', to: '2030-01-01' })).toBe('from');
    expect(field({ query: 'x', tags: Array.from({ length: 11 }, (_, n) => `t${n}`) })).toBe('tags');
    expect(field({ query: 'x', after: 'garbage' })).toBe('after');
  });

  it('carry opaque cursors that round-trip', () => {
    const cursor = { score: 1.25, id: '21111111-1111-4111-8111-111111111111' };
    expect(decodeSearchCursor(encodeSearchCursor(cursor))).toEqual(cursor);
    expect(() => decodeSearchCursor(Buffer.from('[1,"not-an-id"]').toString('base64url'))).toThrow(InvalidSearch);
  });

  it('complete the last word typed', () => {
    expect(suggestPrefixOf('I went Kay')).toBe('kay');
    expect(suggestPrefixOf('trip ')).toBe('trip');
    expect(suggestPrefixOf('*')).toBeNull();
    expect(() => suggestPrefixOf('p'.repeat(65))).toThrow(InvalidSearch);
  });
});

describe('text analysis', () => {
  it('keeps letters and digits only, lower case', () => {
    expect(words('Ünïcode, "quotes" OR ownerId:* 42!')).toEqual(['ünïcode', 'quotes', 'or', 'ownerid', '42']);
  });

  it('stems English words with Snowball English (Porter2), as Postgres does', () => {
    expect(analysedText('Running runs ran happily').stems).toBe('run run ran happili');
    // where Porter2 differs from the original Porter: exceptions and -ly
    expect(['skies', 'sky', 'dying', 'died', 'generously', 'generous'].map(stem)).toEqual(['sky', 'sky', 'die', 'die', 'generous', 'generous']);
  });

  it('folds accents and a few letters, keeps other scripts', () => {
    expect(['café', 'naïve', 'RÉSUMÉ'.toLowerCase(), 'straße', 'smørrebrød', 'łódź', '東京', 'привет'].map(fold)).toEqual([
      'cafe', 'naive', 'resume', 'strasse', 'smorrebrod', 'lodz', '東京', 'привет',
    ]);
    // a decomposed accent stays in its word
    expect(words('cafe\u0301 au lait')).toEqual(['café', 'au', 'lait']);
    expect(analysedText('Cafés naïvely').words).toBe('cafes naively');
  });

  it('forgives typos as fuzziness AUTO does: none up to 2 letters, 1 up to 5, then 2; a transposition is one edit', () => {
    expect(['ox', 'cat', 'river', 'garden', 'x'.repeat(41)].map(maxEdits)).toEqual([0, 1, 1, 2, 0]);
    expect(editDistance('hte', 'the', 1)).toBe(1);
    expect(editDistance('mountian', 'mountains', 2)).toBe(2);
    expect(editDistance('garden', 'gurdan', 2)).toBe(2);
    expect(editDistance('river', 'ravor', 1)).toBe(2); // more than allowed: max + 1
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('analyses queries: distinct words, edits for the word and its stem, the last word as a prefix', () => {
    expect(queryWords('Hiking hiking MONTAINS')).toEqual([
      { word: 'hiking', stem: 'hike', edits: 2, stemEdits: 1, prefix: false },
      { word: 'montains', stem: 'montain', edits: 2, stemEdits: 2, prefix: true },
    ]);
    expect(queryWords('a')).toEqual([{ word: 'a', stem: 'a', edits: 0, stemEdits: 0, prefix: false }]);
  });

  it('highlights the words that match, by the same rules, as inert HTML', () => {
    const query = queryWords('hiking montains');
    expect(highlights(query, 'Hikes & <b>hills</b>', 'We hiked the mountains')).toEqual([
      '<em>Hikes</em> &amp; &lt;b&gt;hills&lt;/b&gt;',
      'We <em>hiked</em> the <em>mountains</em>',
    ]);
    const long = `${'filler words here '.repeat(20)}the mountains ${'more filler '.repeat(30)}`;
    const [fragment] = highlights(query, null, long);
    expect(fragment).toContain('<em>mountains</em>');
    expect(fragment!.length).toBeLessThan(200);
    expect(highlights(query, 'Nothing', 'unrelated')).toEqual([]);
  });

  it('offers distinct words of 3 to 40 letters for suggestions', () => {
    expect(suggestionWords(['The cat', null, 'the Cat sat', 'x'.repeat(41)])).toEqual(['the', 'cat', 'sat']);
  });

  it('analyses a document once as its parts are analysed one by one', () => {
    const doc = { title: 'Café Résumés', tags: ['Hiking', 'ÖL ΟΔΟΣ'], body: `We hiked the mountains, naïvely ${'y'.repeat(101)} zoë`, deleted: false };
    const analysis = analyseDocument(doc);
    expect(analysis.title).toEqual(analyse(doc.title));
    expect(analysis.tags).toEqual(analyse(doc.tags.join('\n')));
    expect(analysis.body).toEqual(analyse(doc.body));
    expect(analysis.suggestions).toEqual(suggestionWords([doc.title, doc.body, ...doc.tags]));
    expect(analyseDocument({ ...doc, deleted: true }).suggestions).toEqual([]);
  });
});
