import { describe, expect, it } from 'vitest';
import { insightsAggregateId, insightsSettingsAggregateId } from './insights-id.js';
import { sampleEvent } from './testing/sample-event.js';
import { sampleIds } from './testing/sample-payloads.js';

describe('insightsAggregateId', () => {
  it('derives a stable v5 UUID, distinct from the entry id', () => {
    const id = insightsAggregateId(sampleIds.entry);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(sampleIds.entry);
    expect(insightsAggregateId(sampleIds.entry.toUpperCase())).toBe(id);
    // Pinned (cross-checked with Python's uuid.uuid5): changing the derivation would orphan every stored
    // insights aggregate.
    expect(id).toBe('1e1de5f8-11ce-5f14-9226-5dbb9701b6db');
  });

  it('is the aggregateId of insights events', () => {
    expect(sampleEvent('AIInsightsGenerated').aggregateId).toBe(insightsAggregateId(sampleIds.entry));
  });

  it("gives a user's insights setting its own aggregate id, neither the user's nor an entry's insights", () => {
    const id = insightsSettingsAggregateId(sampleIds.user);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(sampleIds.user);
    expect(id).not.toBe(insightsAggregateId(sampleIds.user));
    expect(insightsSettingsAggregateId(sampleIds.user.toUpperCase())).toBe(id);
    expect(sampleEvent('InsightsSettingChanged').aggregateId).toBe(id);
  });
});
