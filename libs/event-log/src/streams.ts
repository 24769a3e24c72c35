import { aggregateTypeOf, eventTypesOf, type AggregateType, type EventType } from '@mindflow/events';

// A stream is an aggregate type: one Kafka topic each, and the unit a subscription follows in the outbox.
// Subscribing to one event type means following its whole stream, so version bookkeeping sees every event.

export const streamOf = (eventType: EventType): AggregateType => aggregateTypeOf(eventType);

export function eventTypesOfStreams(streams: Iterable<AggregateType>): EventType[] {
  return [...streams].flatMap((stream) => [...eventTypesOf(stream)]);
}
