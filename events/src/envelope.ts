import { z } from 'zod';
import {
  aggregateIdOf,
  aggregateTypeOf,
  aggregateTypes,
  currentSchemaVersion,
  eventTypes,
  payloadSchemaOf,
  type AggregateTypeOf,
  type EventType,
  type PayloadOf,
} from './catalogue.js';
import { EventContractError } from './event-contract-error.js';
import { Id, Instant } from './scalars.js';

/** One event of type T. Top-level fields are readonly: an event is a fact, never edited in place. */
interface SingleEventEnvelope<T extends EventType> {
  readonly eventId: string;
  readonly eventType: T;
  /** The payload schema version; after `parseEvent` always `currentSchemaVersion(eventType)`. */
  readonly schemaVersion: number;
  readonly occurredAt: string;
  /** The service that decided the event, e.g. `command`, `identity`, `insights`. */
  readonly source: string;
  readonly correlationId: string;
  /** The event (id) or command that caused this one; null for a user's own command with no parent. */
  readonly causationId: string | null;
  /** The owner: every read model and search document is scoped by it. */
  readonly userId: string;
  readonly aggregateType: AggregateTypeOf<T>;
  readonly aggregateId: string;
  /** 1 for the creating event, +1 for each later event of the aggregate (see docs/CONVENTIONS.md). */
  readonly aggregateVersion: number;
  /** Where the log holds it (Kafka `topic/partition/offset`, outbox position); null until read from a log. */
  readonly position: string | null;
  readonly payload: PayloadOf<T>;
}

/** A discriminated union over `eventType`: `switch (event.eventType)` narrows `payload`. */
export type EventEnvelope<T extends EventType = EventType> = { [K in T]: SingleEventEnvelope<K> }[T];
export type AnyEvent = EventEnvelope;

/** Everything but the payload, validated before upcasting so upcasters may rely on it. */
export type EventHeader = Omit<SingleEventEnvelope<EventType>, 'payload'>;

// Field order here is the order of the JSON on the wire.
const headerShape = {
  eventId: Id,
  eventType: z.enum(eventTypes as [EventType, ...EventType[]]),
  schemaVersion: z.number().int().min(1),
  occurredAt: Instant,
  source: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  userId: Id,
  aggregateType: z.enum(aggregateTypes as [string, ...string[]]),
  aggregateId: Id,
  aggregateVersion: z.number().int().min(1),
  // Lenient on absence: a producer's JSON need not carry a field only the log can fill.
  position: z.string().nullish().transform((value) => value ?? null),
};
const headerSchema = z.object(headerShape);

export function validateHeader(raw: unknown): EventHeader {
  const result = headerSchema.safeParse(raw);
  if (!result.success) throw EventContractError.fromZod(result.error, describe(raw));
  return result.data as EventHeader;
}

const envelopeSchemas = new Map<EventType, z.ZodType>();
function envelopeSchemaOf(eventType: EventType): z.ZodType {
  let schema = envelopeSchemas.get(eventType);
  if (!schema) {
    schema = z.object({
      ...headerShape,
      eventType: z.literal(eventType),
      schemaVersion: z.literal(currentSchemaVersion(eventType)),
      aggregateType: z.literal(aggregateTypeOf(eventType)),
      payload: payloadSchemaOf(eventType),
    });
    envelopeSchemas.set(eventType, schema);
  }
  return schema;
}

/** Validates a complete event whose payload already has the current shape. */
export function validateCurrentEvent<T extends EventType>(eventType: T, candidate: unknown): EventEnvelope<T> {
  const result = envelopeSchemaOf(eventType).safeParse(candidate);
  if (!result.success) throw EventContractError.fromZod(result.error, describe(candidate));
  const event = result.data as SingleEventEnvelope<T>;
  // The envelope's aggregate must be the one the payload is about; a mismatch would file the event under
  // another aggregate's version sequence and partition.
  const expected = aggregateIdOf(eventType, event.payload);
  if (event.aggregateId.toLowerCase() !== expected.toLowerCase()) {
    throw new EventContractError({
      violation: 'invalid-field',
      issues: [{ path: ['aggregateId'], message: `expected ${expected} (derived from the payload), got ${event.aggregateId}` }],
      eventType,
      eventId: event.eventId,
    });
  }
  return event;
}

export interface NewEventInput<T extends EventType> {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly source: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly userId: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
  readonly payload: PayloadOf<T>;
}

/**
 * Builds a validated event of the current schema version. Ids and time are inputs (never generated here)
 * so a producer's decision stays a pure, repeatable function. Throws EventContractError on any bad field.
 */
export function newEvent<T extends EventType>(eventType: T, input: NewEventInput<T>): EventEnvelope<T> {
  return validateCurrentEvent(eventType, {
    eventId: input.eventId,
    eventType,
    schemaVersion: currentSchemaVersion(eventType),
    occurredAt: input.occurredAt,
    source: input.source,
    correlationId: input.correlationId,
    causationId: input.causationId,
    userId: input.userId,
    aggregateType: aggregateTypeOf(eventType),
    aggregateId: input.aggregateId,
    aggregateVersion: input.aggregateVersion,
    position: null,
    payload: input.payload,
  });
}

function describe(raw: unknown): { eventType?: string; eventId?: string } {
  if (typeof raw !== 'object' || raw === null) return {};
  const { eventType, eventId } = raw as Record<string, unknown>;
  return {
    ...(typeof eventType === 'string' ? { eventType } : {}),
    ...(typeof eventId === 'string' ? { eventId } : {}),
  };
}
