import { toKafkaMessage, topicFor, type AnyEvent } from '@mindflow/events';
import { createTestKafka, createTestTopics } from '@mindflow/testing';
import type { Producer } from 'kafkajs';

/** Publishes events as the relay does (topic per stream, key = aggregate id), in order, for tests. */
export class KafkaPublisher {
  private constructor(private readonly producer: Producer, private readonly prefix: string) {}

  static async connect(prefix: string, partitions = 4): Promise<KafkaPublisher> {
    await createTestTopics([topicFor('JournalCreated', prefix), topicFor('JournalEntryCreated', prefix)], { partitions });
    const producer = (await createTestKafka('query-test-publisher')).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    return new KafkaPublisher(producer, prefix);
  }

  async publish(events: readonly AnyEvent[], chunk = 500): Promise<void> {
    for (let i = 0; i < events.length; i += chunk) {
      const byTopic = new Map<string, AnyEvent[]>();
      for (const event of events.slice(i, i + chunk)) {
        const topic = topicFor(event.eventType, this.prefix);
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), event]);
      }
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list.map(toKafkaMessage) })),
      });
    }
  }

  close(): Promise<void> {
    return this.producer.disconnect();
  }
}
