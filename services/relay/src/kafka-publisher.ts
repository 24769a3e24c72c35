import { allTopics, topicFor, toKafkaMessage, type AnyEvent, type OutgoingKafkaMessage } from '@mindflow/events';
import { ensureEventTopics, stopKafkaIdleTimers, traceContextOf } from '@mindflow/event-log';
import { traceparentHeader, type Logger } from '@mindflow/platform';
import { Kafka, Partitioners, logLevel, type Message, type Producer, type TopicMessages } from 'kafkajs';

export interface EventPublisher {
  /** Resolves once every broker leader acknowledged every event (acks = all). */
  publish(events: readonly AnyEvent[]): Promise<void>;
  close(): Promise<void>;
}

export interface KafkaPublisherOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topicPrefix: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly log: Logger;
}

/**
 * Publishes events to `<prefix>.<aggregateType>` keyed by aggregate id (one aggregate, one partition, in
 * order). The producer is idempotent with one request in flight, so a retried send is neither duplicated
 * nor reordered by the broker. Topics are created up front (auto-creation would pick broker defaults).
 */
export async function connectKafkaPublisher(options: KafkaPublisherOptions): Promise<EventPublisher> {
  stopKafkaIdleTimers();
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator: () => ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      options.log[level <= logLevel.ERROR ? 'error' : 'warn']({ kafka: namespace, ...extra }, message);
    },
  });
  await ensureTopics(kafka, options);
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return {
    async publish(events) {
      if (events.length === 0) return;
      await producer.sendBatch({ topicMessages: byTopic(events, options.topicPrefix), acks: -1 });
    },
    close: () => producer.disconnect(),
  };
}

async function ensureTopics(kafka: Kafka, options: KafkaPublisherOptions): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureEventTopics(admin, allTopics(options.topicPrefix), {
      partitions: options.partitions,
      replicationFactor: options.replicationFactor,
      log: options.log,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Groups events per topic keeping their order, which per aggregate is version order. */
function byTopic(events: readonly AnyEvent[], prefix: string): TopicMessages[] {
  const groups = new Map<string, TopicMessages>();
  for (const event of events) {
    const topic = topicFor(event.eventType, prefix);
    let group = groups.get(topic);
    if (!group) groups.set(topic, (group = { topic, messages: [] }));
    group.messages.push(withTraceHeader(toKafkaMessage(event), traceContextOf(event)));
  }
  return [...groups.values()];
}

/** W3C `traceparent` next to the event's own headers, when the event is traced. */
function withTraceHeader(message: OutgoingKafkaMessage, traceparent: string | undefined): Message {
  return traceparent ? { ...message, headers: { ...message.headers, [traceparentHeader]: traceparent } } : message;
}
