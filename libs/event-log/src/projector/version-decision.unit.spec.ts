import { describe, expect, it } from 'vitest';
import { decideVersion } from './version-decision.js';

describe('decideVersion', () => {
  it('applies the creating event of an aggregate it has never seen', () => {
    expect(decideVersion(undefined, 1)).toEqual({ kind: 'apply' });
  });

  it('applies exactly the next version', () => {
    expect(decideVersion(4, 5)).toEqual({ kind: 'apply' });
  });

  it('skips an event at or below the stored version as a duplicate', () => {
    expect(decideVersion(5, 5)).toEqual({ kind: 'duplicate' });
    expect(decideVersion(5, 1)).toEqual({ kind: 'duplicate' });
  });

  it('reports a gap when an event arrives ahead of the next version', () => {
    expect(decideVersion(undefined, 2)).toEqual({ kind: 'gap', expected: 1 });
    expect(decideVersion(3, 7)).toEqual({ kind: 'gap', expected: 4 });
  });

  it('refuses versions that cannot exist', () => {
    expect(() => decideVersion(undefined, 0)).toThrow(RangeError);
    expect(() => decideVersion(2, 1.5)).toThrow(RangeError);
  });
});
