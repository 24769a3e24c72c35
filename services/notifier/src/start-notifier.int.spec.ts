// The notifier service as deployed in distributed mode, wired from its configuration: an event on Kafka
// comes out as a notification on the user's Redis channel. Real Kafka and Redis from @mindflow/testing.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { toKafkaMessage, topicFor } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { createRedisBus, type Notification } from '@mindflow/notifications';
import { createLogger } from '@mindflow/platform';
import { createTestKafka, createTestTopics, testServers, uniqueRedisPrefix, uniqueTopicPrefix } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotifier, type RunningNotifierService } from './start-notifier.js';

const log = createLogger('notifier-service-test', 'silent');

describe('notifier service (distributed)', () => {
  const topicPrefix = uniqueTopicPrefix('notifier-service');
  const keyPrefix = uniqueRedisPrefix('notifier-service');
  let notifier: RunningNotifierService;
  let redisUrl: string;
  let brokers: string[];

  beforeAll(async () => {
    const servers = await testServers();
    [redisUrl, brokers] = await Promise.all([servers.redisUrl(), servers.kafkaBrokers()]);
    await createTestTopics(['entry', 'task', 'insights'].map((stream) => `${topicPrefix}.${stream}`));
    notifier = await startNotifier(
      { MINDFLOW_MODE: 'distributed', KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: topicPrefix, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix },
      { log },
    );
    await notifier.ready();
  });
  afterAll(() => notifier?.close());

  it('turns a task event on Kafka into a notification on the owner\'s channel', async () => {
    const gateway = createRedisBus({ url: redisUrl, keyPrefix, log });
    const userId = randomUUID();
    const received: Notification[] = [];
    await gateway.listen(userId, (n) => received.push(n));
    const event = sampleEvent('TaskCreated', {
      eventId: randomUUID(), userId, occurredAt: new Date().toISOString(), payload: { ...samplePayloads.TaskCreated, taskId: randomUUID() },
    });
    const producer = (await createTestKafka('notifier-service-test')).producer();
    await producer.connect();
    try {
      await producer.send({ topic: topicFor(event.eventType, topicPrefix), messages: [toKafkaMessage(event)] });
      const deadline = Date.now() + 20_000;
      while (received.length === 0 && Date.now() < deadline) await sleep(20);
      expect(received).toEqual([expect.objectContaining({ subject: 'task', kind: 'CREATED', subjectId: event.aggregateId, userId, eventId: event.eventId })]);
      expect(notifier.isReady()).toBe(true);
    } finally {
      await producer.disconnect();
      await gateway.close();
    }
  });
});
