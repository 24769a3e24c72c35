import { describe, expect, it } from 'vitest';
import { decodeSearchCursor, encodeSearchCursor, InvalidSearch, searchQueryOf, suggestPrefixOf } from './search-query.js';
import { stemmedText, suggestionWords, words } from './text-analysis.js';

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

  it('stems English words (Porter)', () => {
    expect(stemmedText('Running runs ran happily')).toBe('run run ran happili');
  });

  it('offers distinct words of 3 to 40 letters for suggestions', () => {
    expect(suggestionWords(['The cat', null, 'the Cat sat', 'x'.repeat(41)])).toEqual(['the', 'cat', 'sat']);
  });
});
