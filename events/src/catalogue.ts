import type { z } from 'zod';
import { attachmentEvents } from './attachment-events.js';
import { calendarEvents } from './calendar-events.js';
import { entryEvents } from './entry-events.js';
import type { EventDefinition } from './event-definition.js';
import { insightsEvents } from './insights-events.js';
import { journalEvents } from './journal-events.js';
import { notificationEvents, weeklyReflectionEvents } from './notification-events.js';
import { tagEvents } from './tag-events.js';
import { taskEvents } from './task-events.js';
import { thoughtEvents } from './thought-events.js';
import { userEvents } from './user-events.js';

// The catalogue, grouped by aggregate type: the grouping *is* the event → aggregate (→ topic) mapping, so
// an event type cannot exist without an aggregate, and adding one is a one-line change in its aggregate file.
const streams = {
  user: userEvents,
  journal: journalEvents,
  entry: entryEvents,
  thought: thoughtEvents,
  task: taskEvents,
  calendarEvent: calendarEvents,
  tag: tagEvents,
  insights: insightsEvents,
  notification: notificationEvents,
  weeklyReflection: weeklyReflectionEvents,
  attachment: attachmentEvents,
} as const;
type Streams = typeof streams;

export type AggregateType = keyof Streams;
export type EventType = { [A in AggregateType]: keyof Streams[A] & string }[AggregateType];

/** The aggregate type an event type belongs to, at the type level. */
export type AggregateTypeOf<T extends EventType> = {
  [A in AggregateType]: T extends keyof Streams[A] ? A : never;
}[AggregateType];

type DefinitionOf<T extends EventType> = {
  [A in AggregateType]: T extends keyof Streams[A] ? Streams[A][T] : never;
}[AggregateType];

/** The current payload of an event type (after upcasting, so the only shape consumers ever see). */
export type PayloadOf<T extends EventType> = DefinitionOf<T> extends EventDefinition<infer S> ? z.output<S> : never;

export const aggregateTypes: readonly AggregateType[] = Object.freeze(Object.keys(streams) as AggregateType[]);

const definitions = new Map<EventType, EventDefinition>();
const aggregateOf = new Map<EventType, AggregateType>();
for (const aggregateType of aggregateTypes) {
  for (const [eventType, definition] of Object.entries(streams[aggregateType]) as [EventType, EventDefinition][]) {
    definitions.set(eventType, definition);
    aggregateOf.set(eventType, aggregateType);
  }
}

export const eventTypes: readonly EventType[] = Object.freeze([...definitions.keys()]);

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && definitions.has(value as EventType);
}

export function aggregateTypeOf<T extends EventType>(eventType: T): AggregateTypeOf<T> {
  return aggregateOf.get(eventType) as AggregateTypeOf<T>;
}

/** Every event type of one aggregate type (what arrives on that aggregate's topic). */
export function eventTypesOf(aggregateType: AggregateType): readonly EventType[] {
  return eventTypes.filter((eventType) => aggregateOf.get(eventType) === aggregateType);
}

/** The schema version producers write today; older versions are upcast to it on read. */
export function currentSchemaVersion(eventType: EventType): number {
  return definitionOf(eventType).schemaVersion;
}

/** The zod schema of an event type's current payload. */
export function payloadSchemaOf<T extends EventType>(eventType: T): z.ZodType<PayloadOf<T>> {
  return definitionOf(eventType).payload as z.ZodType<PayloadOf<T>>;
}

/** The id the envelope's aggregateId must equal, read from the payload. */
export function aggregateIdOf<T extends EventType>(eventType: T, payload: PayloadOf<T>): string {
  return definitionOf(eventType).aggregateIdOf(payload);
}

function definitionOf(eventType: EventType): EventDefinition {
  const definition = definitions.get(eventType);
  if (!definition) throw new TypeError(`unknown event type ${String(eventType)}`);
  return definition;
}
