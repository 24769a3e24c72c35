import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize } from './cursor.js';

const position = { at: '2030-05-01T10:00:00.123456Z', id: '3f1c6c56-8b1e-4c38-9a43-1f0f3b0c2a11' };

describe('cursors', () => {
  it('round-trip a position, microseconds included', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(null)).toBeUndefined();
  });

  it('refuse anything else as BAD_USER_INPUT on `after`', () => {
    const forged = Buffer.from(JSON.stringify(["2030-01-01' OR 1=1", position.id])).toString('base64url');
    for (const cursor of ['', 'bogus', forged, Buffer.from('[1,2]').toString('base64url')]) {
      try {
        decodeCursor(cursor);
        expect.unreachable(`accepted ${cursor}`);
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    }
  });

  it('bound the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(() => pageSize(-1)).toThrow(/first/);
    expect(() => pageSize(101)).toThrow(/first/);
  });
});
