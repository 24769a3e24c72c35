import { Kafka, logLevel } from 'kafkajs';
import { testServers } from './test-servers.js';

/** A kafkajs client for the test Kafka, quiet unless something fails. */
export async function createTestKafka(clientId = 'mindflow-test'): Promise<Kafka> {
  const brokers = await (await testServers()).kafkaBrokers();
  return new Kafka({ clientId, brokers, logLevel: logLevel.ERROR });
}

/**
 * Creates the topics (when missing) and waits until each has a leader, so that a producer or consumer
 * started right after never races auto-creation. Names usually come from `uniqueTopicPrefix()`:
 * `createTestTopics([`${prefix}.entry`])`.
 */
export async function createTestTopics(topics: readonly string[], options: { partitions?: number } = {}): Promise<void> {
  const admin = (await createTestKafka('mindflow-test-admin')).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({ topic, numPartitions: options.partitions ?? 3, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
}
