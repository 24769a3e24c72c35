import { currentSchemaVersion, isEventType } from './catalogue.js';
import { validateCurrentEvent, validateHeader, type AnyEvent } from './envelope.js';
import { EventContractError } from './event-contract-error.js';
import { upcastPayload } from './upcasting.js';

/**
 * The one way a consumer turns stored or received data into an event: checks the envelope, upcasts an
 * older payload to the current schema version, then validates the result. Throws EventContractError.
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
  return validateCurrentEvent(header.eventType, {
    ...header,
    schemaVersion: currentSchemaVersion(header.eventType),
    payload,
  });
}
