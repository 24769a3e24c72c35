import { describe, expect, it } from 'vitest';
import { entityKey, reconcile, type EntityState } from './reconcile.js';

const side = { name: 'query', kinds: ['journal', 'entry'], keepsDeleted: true };
const entity = (kind: string, id: string, version: number, fields: Record<string, unknown> = {}, deleted = false): EntityState => ({ kind, id, version, deleted, fields });
const snapshot = (...entities: EntityState[]) => new Map(entities.map((e) => [entityKey(e.kind, e.id), e]));

describe('reconcile', () => {
  it('is clean when every entity has the same version, deletion and fields', () => {
    const write = snapshot(entity('journal', 'j1', 2, { name: 'A', entryCount: 1 }), entity('entry', 'e1', 1, { tags: ['x'] }));
    const read = snapshot(entity('journal', 'j1', 2, { name: 'A', entryCount: 1 }), entity('entry', 'e1', 1, { tags: ['x'] }));
    expect(reconcile(side, write, read)).toMatchObject({ compared: 2, discrepancies: 0 });
  });

  it('finds missing, stale, unexpected and differing entities', () => {
    const write = snapshot(entity('journal', 'j1', 2, { entryCount: 2 }), entity('entry', 'e1', 3), entity('entry', 'e2', 1), entity('thought', 't1', 1));
    const read = snapshot(entity('journal', 'j1', 2, { entryCount: 3 }), entity('entry', 'e1', 2), entity('entry', 'e9', 1));
    const result = reconcile(side, write, read);
    expect(result.compared).toBe(3); // the thought is not a kind this read side holds
    expect(result.examples.map((d) => `${d.id}:${d.problem}`).sort()).toEqual(['e1:version', 'e2:missing', 'e9:unexpected', 'j1:field']);
  });

  it('accepts a deleted entity dropped by a read side that does not keep deleted ones', () => {
    const write = snapshot(entity('entry', 'e1', 2, {}, true));
    expect(reconcile({ ...side, keepsDeleted: false }, write, snapshot()).discrepancies).toBe(0);
    expect(reconcile(side, write, snapshot()).discrepancies).toBe(1);
  });
});
