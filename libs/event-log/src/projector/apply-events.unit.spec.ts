import { describe, expect, it } from 'vitest';
import { interleave, journalHistory, unrelatedEvent } from '../../test/test-events.js';
import { batchGroups } from './apply-events.js';

describe('batchGroups', () => {
  it('puts each aggregate\'s n-th event in the n-th wave, one group per event type, one event per aggregate per group', () => {
    const [a, b, c] = [journalHistory(3), journalHistory(1), journalHistory(2)];
    const task = unrelatedEvent();
    const groups = batchGroups([a[0]!, b[0]!, task, a[1]!, c[0]!, a[2]!, c[1]!]);
    expect(groups).toEqual([[a[0], b[0], c[0]], [task], [a[1], c[1]], [a[2]]]);
  });

  it('keeps every aggregate\'s events in version order and loses none', () => {
    const histories = Array.from({ length: 7 }, (_, i) => journalHistory(1 + (i % 4)));
    const groups = batchGroups(interleave(histories));
    for (const group of groups) {
      expect(new Set(group.map((e) => e.eventType)).size).toBe(1);
      expect(new Set(group.map((e) => e.aggregateId)).size).toBe(group.length);
    }
    const flat = groups.flat();
    expect(flat).toHaveLength(histories.flat().length);
    for (const history of histories) expect(flat.filter((e) => e.aggregateId === history[0]!.aggregateId)).toEqual(history);
  });
});
