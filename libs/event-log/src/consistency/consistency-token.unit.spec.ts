import { describe, expect, it } from 'vitest';
import { consistencyToken, parseConsistencyTokens, typedConsistencyToken } from './consistency-token.js';
import { writesToAwait } from './wait-for-projection.js';

const id = '3F1C6C56-8B1E-4C38-9A43-1F0F3B0C2A11';
const other = '00000000-0000-4000-8000-000000000001';
const enc = (s: string) => Buffer.from(s).toString('base64url');

describe('consistency tokens', () => {
  it('are base64url("<aggregateType>:<aggregateId>:<version>")', () => {
    expect(consistencyToken({ aggregateType: 'task', aggregateId: id, version: 3 })).toBe(enc(`task:${id}:3`));
  });

  it('parse one or several, comma-separated, typed or of the older two-part form (type unknown)', () => {
    const typed = consistencyToken({ aggregateType: 'calendarEvent', aggregateId: id, version: 3 });
    expect(parseConsistencyTokens(`${typed}, ${enc(`${other}:1`)}`)).toEqual([
      { aggregateType: 'calendarEvent', aggregateId: id.toLowerCase(), version: 3 },
      { aggregateType: undefined, aggregateId: other, version: 1 },
    ]);
  });

  it('refuse malformed tokens', () => {
    const headers = ['', 'nonsense', enc(`${id}:0`), enc(`${id}:x`), enc('not-an-id:1'), enc(`${id}:1:2`), enc(`planet:${id}:1`),
      enc(`entry:${id}:1:2`), enc(`entry:${id}:1.5`), enc(`entry:${id}:`), Array.from({ length: 21 }, () => enc(`${id}:1`)).join(',')];
    for (const header of headers) expect(parseConsistencyTokens(header)).toBeUndefined();
  });

  it('type a two-part token from the command service, and keep a typed one as it is', () => {
    expect(typedConsistencyToken('journal', enc(`${other}:2`))).toBe(enc(`journal:${other}:2`));
    const typed = enc(`entry:${other}:2`);
    expect(typedConsistencyToken('entry', typed)).toBe(typed);
    expect(typedConsistencyToken('entry', 'garbage')).toBe('garbage');
  });
});

describe('which writes a projection waits for', () => {
  const writes = parseConsistencyTokens([enc(`task:${id}:1`), enc(`entry:${other}:2`), enc(`${other}:5`)].join(','))!;

  it('those of a type it projects and the untyped ones; never another type', () => {
    expect(writesToAwait(writes, new Set(['entry', 'journal'] as const))).toEqual([
      { aggregateType: 'entry', aggregateId: other, version: 2 },
      { aggregateType: undefined, aggregateId: other, version: 5 },
    ]);
    expect(writesToAwait(writes.slice(0, 1), new Set(['entry'] as const))).toEqual([]);
  });
});
