import { aggregateTypeOf, aggregateTypes, type AggregateType, type EventType } from './catalogue.js';

// One topic per aggregate type, keyed by aggregateId: all events of one aggregate land in one partition,
// which is what keeps them in version order for consumers. (A topic per event type would not.)

export const defaultTopicPrefix = 'mindflow';

// Kafka's legal topic characters; checked so a bad KAFKA_TOPIC_PREFIX fails at startup, not at produce time.
const legalTopic = /^[a-zA-Z0-9._-]+$/;

export function topicForAggregate(aggregateType: AggregateType, prefix: string = defaultTopicPrefix): string {
  const topic = `${prefix}.${aggregateType}`;
  if (!legalTopic.test(topic)) throw new TypeError(`illegal Kafka topic name ${JSON.stringify(topic)}`);
  return topic;
}

export function topicFor(eventType: EventType, prefix: string = defaultTopicPrefix): string {
  return topicForAggregate(aggregateTypeOf(eventType), prefix);
}

/** Every topic the catalogue uses, for creating them and for subscribing to everything. */
export function allTopics(prefix: string = defaultTopicPrefix): string[] {
  return aggregateTypes.map((aggregateType) => topicForAggregate(aggregateType, prefix));
}
