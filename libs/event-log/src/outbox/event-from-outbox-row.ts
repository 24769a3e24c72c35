import { EventContractError, isEventType, openWith, parseEvent, type AnyEvent, type KeyLookups } from '@mindflow/events';
import { withTraceContext } from '../tracing/event-trace-context.js';
import type { OutboxRow } from './outbox-row.js';

/**
 * The event an outbox row holds, upcast to its current schema version and validated (throws
 * EventContractError on a row no schema accepts). `position` is the outbox position.
 * The outbox has no `source` column (CONVENTIONS.md): every row of one outbox was decided by the service
 * that owns it, so the reader names it (`command`, `identity`). The row's trace context goes with the
 * event (`traceContextOf`). Sealed personal fields are opened with `keys` (`lookupKeys` of the rows read; without
 * the owner's key: `KeyMissingError`).
 */
export function eventFromOutboxRow(row: OutboxRow, source: string, keys?: KeyLookups): AnyEvent {
  return withTraceContext(parseEvent(openWith(envelopeOf(row, source), keys)), row.traceContext);
}

/**
 * The event an outbox row holds, exactly as stored (its own schema version, not upcast, not validated), for a
 * transport that only forwards it: the relay. Every row was validated when it was written (`newEvent`), and every
 * consumer parses, upcasts and validates what it receives (`fromKafkaMessage`), parking what it cannot read; doing
 * it a third time in the relay was two thirds of the relay's CPU (BENCHMARKS.md, relay profile).
 */
export function storedEventFromOutboxRow(row: OutboxRow, source: string): AnyEvent {
  // The one check that stays: the type names the topic, and an unknown one would be sent to `<prefix>.undefined`.
  if (!isEventType(row.eventType)) {
    throw new EventContractError({
      violation: 'unknown-event-type',
      issues: [{ path: ['eventType'], message: `outbox row ${row.position} has an unknown event type ${JSON.stringify(row.eventType)}` }],
      eventId: row.eventId,
    });
  }
  return withTraceContext(envelopeOf(row, source) as AnyEvent, row.traceContext);
}

/** The row as an event envelope, unchecked: what either reader above starts from. */
function envelopeOf(row: OutboxRow, source: string) {
  return {
    eventId: row.eventId,
    eventType: row.eventType,
    schemaVersion: row.schemaVersion,
    occurredAt: row.occurredAt,
    source,
    correlationId: row.correlationId,
    causationId: row.causationId,
    userId: row.userId,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    aggregateVersion: row.aggregateVersion,
    position: row.position,
    payload: row.payload,
  };
}
