import { toKafkaMessage, topicFor, type AnyEvent } from '@mindflow/events';
import { Kafka, logLevel, type KafkaMessage, type Producer } from 'kafkajs';

/** Publishes events the way the relay does (topic per stream, key = aggregate id), for tests. */
export class KafkaPublisher {
  private readonly kafka: Kafka;
  private readonly producer: Producer;

  constructor(brokers: string[], private readonly prefix: string) {
    this.kafka = new Kafka({ clientId: 'test-publisher', brokers, logLevel: logLevel.NOTHING });
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async connect(topicPartitions: number, eventTypes: AnyEvent['eventType'][]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    const topics = [...new Set(eventTypes.map((t) => topicFor(t, this.prefix)))];
    await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: topicPartitions })) });
    await admin.disconnect();
    await this.producer.connect();
  }

  /** Sends in order; one send per topic keeps each partition's order. */
  async publish(events: readonly AnyEvent[]): Promise<void> {
    const byTopic = new Map<string, AnyEvent[]>();
    for (const event of events) {
      const topic = topicFor(event.eventType, this.prefix);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), event]);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list.map(toKafkaMessage) })),
    });
  }

  /** Sends messages as they are (a producer that got it wrong), to the topic of `eventType`'s stream. */
  async publishRaw(eventType: AnyEvent['eventType'], messages: { key: string | null; value: Buffer | string; headers?: Record<string, string> }[]): Promise<void> {
    await this.producer.send({ topic: topicFor(eventType, this.prefix), acks: -1, messages });
  }

  /** Every message of `topic` from its start, read by a throwaway group, until `count` have arrived. */
  async readTopic(topic: string, count: number, timeoutMs = 30_000): Promise<KafkaMessage[]> {
    const consumer = this.kafka.consumer({ groupId: `${topic}.reader-${Date.now()}` });
    const seen: KafkaMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: ({ message }) => Promise.resolve(void seen.push(message)) });
      const deadline = Date.now() + timeoutMs;
      while (seen.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      return seen;
    } finally {
      await consumer.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
