import { currentSchemaVersion, isEventType } from './catalogue.js';
import { validateCurrentEvent, validateHeader, type AnyEvent } from './envelope.js';
import { EventContractError } from './event-contract-error.js';
import { isErased, markErased } from './privacy/erased.js';
import { upcastPayload } from './upcasting.js';

/**
 * The one way a consumer turns stored or received data into an event: checks the envelope, upcasts an
 * older payload to the current schema version, then validates the result. Throws EventContractError.
 * A payload whose personal fields are sealed (crypto-shredding) is opened first, by the reader that has the key
 * store: `openStoredEvent` (the event log's adapters do it for every consumer).
 */
export function parseEvent(raw: unknown): AnyEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new EventContractError({ violation: 'invalid-field', issues: [{ path: [], message: 'expected an event object' }] });
  }
  const candidate = raw as Record<string, unknown>;
  if (!isEventType(candidate.eventType)) {
    throw new EventContractError({
      violation: 'unknown-event-type',
      issues: [{ path: ['eventType'], message: `unknown event type ${JSON.stringify(candidate.eventType) ?? 'undefined'}` }],
      eventId: typeof candidate.eventId === 'string' ? candidate.eventId : undefined,
    });
  }
  const header = validateHeader(candidate);
  const payload = upcastPayload(header, candidate.payload);
  const event = validateCurrentEvent(header.eventType, {
    ...header,
    schemaVersion: currentSchemaVersion(header.eventType),
    payload,
  });
  // An event opened after its owner's key was destroyed (`openStoredEvent`) stays recognisable as erased.
  return isErased(candidate) ? markErased(event) : event;
}
