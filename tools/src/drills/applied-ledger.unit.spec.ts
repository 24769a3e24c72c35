import { describe, expect, it } from 'vitest';
import { appliedOf, missingVersions, summarizeLedger, writtenAfterCut, type VersionTransition } from './applied-ledger.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const step = (aggregateId: string, from: number, to: number, table = 't1', tx?: string): VersionTransition => ({
  table, projection: 'query', aggregateId, from, to, ...(tx ? { tx, op: from === 0 ? 'insert' : to === 0 ? 'delete' : 'update' } : {}),
});

describe('summarizeLedger', () => {
  it('counts each applied version once when the versions only move forward', () => {
    const summary = summarizeLedger([step(a, 0, 2), step(b, 0, 1), step(a, 2, 3), step(b, 1, 4)]);
    expect(summary.applied).toBe(7);
    expect(summary.duplicates).toBe(0);
    expect(summary.tables.get('t1')?.get(a)?.contiguousTo).toBe(3);
    expect(summary.tables.get('t1')?.get(b)?.contiguousTo).toBe(4);
  });

  it('detects a duplicated sequence: the version row reset and the same events applied again', () => {
    // a is applied to 3, its row is lost (deleted), and a redelivery applies 1..4 again: 1, 2 and 3 twice.
    const summary = summarizeLedger([step(a, 0, 3), step(a, 3, 0), step(a, 0, 4)]);
    expect(summary.duplicates).toBe(3);
    expect(summary.applied).toBe(4);
    expect(summary.duplicateExamples.map((d) => d.version)).toEqual([1, 2, 3]);
  });

  it('detects a version applied twice after the row went backwards', () => {
    const summary = summarizeLedger([step(a, 0, 5), step(a, 5, 2), step(a, 2, 6)]);
    expect(summary.duplicates).toBe(3); // 3, 4 and 5 again
    expect(summary.applied).toBe(6);
  });

  it('keeps a rebuilt table apart: the same events applied to a new model are not duplicates', () => {
    const summary = summarizeLedger([step(a, 0, 3, 't1'), step(a, 0, 3, 't2'), step(a, 3, 4, 't2')]);
    expect(summary.duplicates).toBe(0);
    expect(summary.tables.get('t2')?.get(a)?.contiguousTo).toBe(4);
  });
});

describe('summarizeLedger and a rebuild swap', () => {
  it('carries the rebuilt version over when the row is deleted and inserted again in one transaction', () => {
    const summary = summarizeLedger([step(a, 0, 3, 't1', '10'), step(a, 3, 0, 't1', '20'), step(a, 0, 4, 't1', '20'), step(a, 4, 5, 't1', '21')]);
    expect(summary.duplicates).toBe(0);
    expect(summary.tables.get('t1')?.get(a)?.contiguousTo).toBe(5);
    expect(summary.applied).toBe(5);
  });

  it('still detects events applied again after the swap', () => {
    const summary = summarizeLedger([step(a, 0, 3, 't1', '10'), step(a, 3, 0, 't1', '20'), step(a, 0, 3, 't1', '20'), step(a, 2, 4, 't1', '21')]);
    expect(summary.duplicates).toBe(1); // version 3 again
  });

  it('counts a delete and an insert in different transactions as a reset: what follows is applied twice', () => {
    const summary = summarizeLedger([step(a, 0, 3, 't1', '10'), step(a, 3, 0, 't1', '11'), step(a, 0, 3, 't1', '12')]);
    expect(summary.duplicates).toBe(3);
  });
});

describe('appliedOf', () => {
  it('counts only the written aggregates, up to their written version', () => {
    const summary = summarizeLedger([step(a, 0, 4), step(b, 0, 2)]);
    expect(appliedOf(new Map([[a, 3]]), summary.tables.get('t1'))).toBe(3);
  });
});

describe('missingVersions', () => {
  it('lists the written versions the ledger never applied', () => {
    const summary = summarizeLedger([step(a, 0, 2), step(b, 0, 1)]);
    const missing = missingVersions(new Map([[a, 3], [b, 1]]), summary.tables.get('t1'));
    expect(missing.count).toBe(1);
    expect(missing.examples).toEqual([{ aggregateId: a, version: 3 }]);
  });

  it('counts everything as missing when the table applied nothing', () => {
    expect(missingVersions(new Map([[a, 2]]), undefined).count).toBe(2);
  });
});

describe('the settled cut (an event written after the read side settled)', () => {
  it('judges the cut the read side caught up with: a version written after it is counted apart, not lost', () => {
    // The read side settled on a at 3 and b at 1; then an embedded insights analysis wrote b's version 2
    // (a debounce after the entry's last edit), and the ledger was read before the projector applied it.
    const cut = new Map([[a, 3], [b, 1]]);
    const now = new Map([[a, 3], [b, 2]]);
    const live = summarizeLedger([step(a, 0, 3), step(b, 0, 1)]).tables.get('t1');
    expect(missingVersions(now, live).count).toBe(1); // what comparing against the outbox re-read now reported
    expect(missingVersions(cut, live)).toEqual({ count: 0, examples: [] });
    expect(writtenAfterCut(cut, now)).toEqual({ count: 1, examples: [{ aggregateId: b, version: 2 }] });
    expect(appliedOf(cut, live)).toBe(4);
  });

  it('still reports a version inside the cut that was never applied as lost', () => {
    const cut = new Map([[a, 3], [b, 1]]);
    const live = summarizeLedger([step(a, 0, 1), step(a, 2, 3), step(b, 0, 1)]).tables.get('t1');
    expect(missingVersions(cut, live)).toEqual({ count: 1, examples: [{ aggregateId: a, version: 2 }] });
    expect(writtenAfterCut(cut, cut).count).toBe(0);
  });

  it('counts every version of an aggregate first written after the cut', () => {
    expect(writtenAfterCut(new Map([[a, 2]]), new Map([[a, 2], [b, 3]]))).toEqual({
      count: 3, examples: [1, 2, 3].map((version) => ({ aggregateId: b, version })),
    });
  });
});
