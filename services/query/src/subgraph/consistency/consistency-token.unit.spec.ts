import { describe, expect, it } from 'vitest';
import { consistencyToken, parseConsistencyTokens } from './consistency-token.js';

const id = '3F1C6C56-8B1E-4C38-9A43-1F0F3B0C2A11';

describe('consistency tokens', () => {
  it('are base64url("<aggregateId>:<version>") as CONVENTIONS.md says', () => {
    expect(consistencyToken({ aggregateId: id, version: 3 })).toBe(Buffer.from(`${id}:3`).toString('base64url'));
  });

  it('parse one or several, comma-separated', () => {
    const a = consistencyToken({ aggregateId: id, version: 3 });
    const b = consistencyToken({ aggregateId: '00000000-0000-4000-8000-000000000001', version: 1 });
    expect(parseConsistencyTokens(`${a}, ${b}`)).toEqual([
      { aggregateId: id.toLowerCase(), version: 3 },
      { aggregateId: '00000000-0000-4000-8000-000000000001', version: 1 },
    ]);
  });

  it('refuse malformed tokens', () => {
    const enc = (s: string) => Buffer.from(s).toString('base64url');
    for (const header of ['', 'nonsense', enc(`${id}:0`), enc(`${id}:x`), enc('not-an-id:1'), enc(`${id}:1:2`)]) {
      expect(parseConsistencyTokens(header)).toBeUndefined();
    }
  });
});
