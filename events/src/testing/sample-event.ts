import { aggregateIdOf, type EventType, type PayloadOf } from '../catalogue.js';
import { newEvent, type EventEnvelope, type NewEventInput } from '../envelope.js';
import { sampleIds, samplePayloads } from './sample-payloads.js';

/**
 * A valid event of the given type built through `newEvent`; override any envelope field or the payload.
 * The aggregateId follows the payload unless given.
 */
export function sampleEvent<T extends EventType>(
  eventType: T,
  overrides: Partial<Omit<NewEventInput<T>, 'payload'>> & { payload?: PayloadOf<T> } = {},
): EventEnvelope<T> {
  const payload = overrides.payload ?? samplePayloads[eventType];
  return newEvent(eventType, {
    eventId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    occurredAt: '2025-03-14T09:26:53.589Z',
    source: 'test',
    correlationId: 'corr-1',
    causationId: null,
    userId: sampleIds.user,
    aggregateVersion: 1,
    ...overrides,
    aggregateId: overrides.aggregateId ?? aggregateIdOf(eventType, payload),
    payload,
  });
}
