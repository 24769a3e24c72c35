import type { Admin, Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKafka, createTestTopics, uniqueTopicPrefix } from './index.js';

describe('Kafka for suites', () => {
  let admin: Admin;
  let producer: Producer;
  const consumers: Consumer[] = [];
  beforeAll(async () => {
    const kafka = await createTestKafka('testing-kafka-spec');
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([...consumers.map((consumer) => consumer.disconnect()), producer.disconnect(), admin.disconnect()]);
  });

  it('creates topics under a unique prefix and delivers a record through them', async () => {
    const prefix = uniqueTopicPrefix('roundtrip');
    const topic = `${prefix}.entry`;
    await createTestTopics([topic]);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);

    const consumer = (await createTestKafka('testing-kafka-consumer')).consumer({ groupId: `${prefix}.group` });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<string>((resolve) => {
      void consumer.run({ eachMessage: ({ message }) => Promise.resolve(resolve(message.value?.toString() ?? '')) });
    });
    await producer.send({ topic, messages: [{ key: 'entry-1', value: 'hello' }] });
    const value = await Promise.race([
      received,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no record within 30 s')), 30_000)),
    ]);
    expect(value).toBe('hello');
  });

  it('keeps two topic prefixes apart', async () => {
    const a = uniqueTopicPrefix('isolation');
    const b = uniqueTopicPrefix('isolation');
    expect(a).not.toBe(b);
    await createTestTopics([`${a}.journal`, `${a}.entry`]);
    const topics = await admin.listTopics();
    expect(topics.filter((topic) => topic.startsWith(`${a}.`)).sort()).toEqual([`${a}.entry`, `${a}.journal`]);
    expect(topics.filter((topic) => topic.startsWith(`${b}.`))).toEqual([]);
  });
});
