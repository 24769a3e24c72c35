import { describe, expect, it } from 'vitest';
import { EventContractError } from './event-contract-error.js';
import { parseEvent } from './parse-event.js';
import { sampleEvent } from './testing/sample-event.js';
import { samplePayloads } from './testing/sample-payloads.js';

// `authorPlan` was added to JournalEntryCreated/Updated as an optional field: events written before it
// stay valid (absent = free), and only the two plans are accepted.
describe('the author plan on entry events', () => {
  const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

  it('is optional: an entry event without it still parses', () => {
    const event = asJson(sampleEvent('JournalEntryCreated'));
    expect((event['payload'] as Record<string, unknown>)['authorPlan']).toBeUndefined();
    expect(parseEvent(event).eventType).toBe('JournalEntryCreated');
  });

  it('carries free or premium on created and updated entries', () => {
    const created = sampleEvent('JournalEntryCreated', { payload: { ...samplePayloads.JournalEntryCreated, authorPlan: 'premium' } });
    const updated = sampleEvent('JournalEntryUpdated', { payload: { ...samplePayloads.JournalEntryUpdated, authorPlan: 'free' } });
    expect(parseEvent(asJson(created))).toMatchObject({ payload: { authorPlan: 'premium' } });
    expect(parseEvent(asJson(updated))).toMatchObject({ payload: { authorPlan: 'free' } });
  });

  it('refuses any other plan', () => {
    const raw = asJson(sampleEvent('JournalEntryCreated'));
    raw['payload'] = { ...(raw['payload'] as object), authorPlan: 'gold' };
    expect(() => parseEvent(raw)).toThrow(EventContractError);
  });
});
