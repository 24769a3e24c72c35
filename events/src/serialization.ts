import type { EventType } from './catalogue.js';
import type { AnyEvent } from './envelope.js';
import { EventContractError } from './event-contract-error.js';
import { parseEvent } from './parse-event.js';
import { openWith, type KeyLookups } from './privacy/sealed-payload.js';

/**
 * Kafka headers of an event: enough to route, filter and trace without parsing the value. A type alias
 * (not an interface) so it is assignable to kafkajs' `IHeaders`. `causation-id` is absent when null.
 */
export type EventHeaders = {
  'event-id': string;
  'event-type': EventType;
  'schema-version': string;
  'correlation-id': string;
  'causation-id'?: string;
  /** The event's aggregate (also the key): readable without parsing the value. */
  'aggregate-id': string;
};

export type OutgoingKafkaMessage = { key: string; value: string; headers: EventHeaders };

/** A received message as kafkajs delivers it (`eachMessage`'s `message`), or any look-alike. */
export interface IncomingKafkaMessage {
  readonly value: Buffer | string | null;
  readonly headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>> | undefined;
}

/**
 * key = aggregateId, so an aggregate's events share a partition and stay ordered; the `aggregate-id` header names
 * the aggregate too, so a message whose value cannot be parsed still says whose it is (dead letters), whatever the
 * key. (Keying by owner was measured — BENCHMARKS.md, Session 6: it lets a projection's partitions run side by side —
 * and not adopted: switched in place, an aggregate's old and new events would sit in two partitions, and a replay
 * could wait forever on its gap while the fetch that holds the earlier event never comes.) `position` is not sent:
 * it says where a log holds the event, and Kafka's offset replaces it on the way in.
 */
export function toKafkaMessage(event: AnyEvent): OutgoingKafkaMessage {
  const headers: EventHeaders = {
    'event-id': event.eventId,
    'event-type': event.eventType,
    'schema-version': String(event.schemaVersion),
    'correlation-id': event.correlationId,
    'aggregate-id': event.aggregateId,
  };
  if (event.causationId !== null) headers['causation-id'] = event.causationId;
  return { key: event.aggregateId, value: JSON.stringify({ ...event, position: null }), headers };
}

/**
 * Parses (and upcasts) a received message. `position` (e.g. `topic/partition/offset`) is recorded on the
 * event. Throws EventContractError for a tombstone, bad JSON, a contract breach, or headers that disagree
 * with the body.
 */
export function fromKafkaMessage(message: IncomingKafkaMessage, options: { position?: string; keys?: KeyLookups } = {}): AnyEvent {
  return eventFromKafkaValue(kafkaValueOf(message), message, options);
}

/** The JSON of a message's value, unchecked (what a reader looks at before parsing: whose keys it needs). */
export function kafkaValueOf(message: IncomingKafkaMessage): unknown {
  if (message.value === null || message.value.length === 0) {
    throw new EventContractError({ violation: 'empty-message', issues: [{ path: [], message: 'message has no value (tombstone?)' }] });
  }
  const text = typeof message.value === 'string' ? message.value : message.value.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new EventContractError({
      violation: 'invalid-json',
      issues: [{ path: [], message: `value is not JSON: ${(cause as Error).message}` }],
      eventType: header(message, 'event-type'),
      eventId: header(message, 'event-id'),
      cause,
    });
  }
}

/**
 * `fromKafkaMessage` from the value's JSON already read (`kafkaValueOf`). A value whose personal fields are sealed
 * is opened with `keys` (`lookupKeys` of the batch) first; without its owner's key it throws `KeyMissingError`.
 */
export function eventFromKafkaValue(raw: unknown, message: IncomingKafkaMessage, options: { position?: string; keys?: KeyLookups } = {}): AnyEvent {
  const event = parseEvent(openWith(raw, options.keys));
  const checked = [['event-type', 'eventType', event.eventType], ['event-id', 'eventId', event.eventId], ['aggregate-id', 'aggregateId', event.aggregateId]] as const;
  for (const [name, field, actual] of checked) {
    const sent = header(message, name);
    if (sent !== undefined && sent.toLowerCase() !== actual.toLowerCase()) {
      throw new EventContractError({
        violation: 'header-mismatch',
        issues: [{ path: [field], message: `header ${name} is ${sent} but the value says ${actual}` }],
        eventType: event.eventType,
        eventId: event.eventId,
      });
    }
  }
  return options.position === undefined ? event : { ...event, position: options.position };
}

function header(message: IncomingKafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
