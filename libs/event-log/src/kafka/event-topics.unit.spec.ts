import type { Admin } from 'kafkajs';
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { ensureEventTopics } from './event-topics.js';

const { KafkaJSProtocolError, KafkaJSNumberOfRetriesExceeded } = kafkajs as unknown as {
  KafkaJSProtocolError: new (e: { message: string; type: string; code: number; retriable: boolean }) => Error;
  KafkaJSNumberOfRetriesExceeded: new (e: Error, info: { retryCount: number; retryTime: number }) => Error;
};

/** The broker's answer for a topic another client created a moment ago, after kafkajs' own retries gave up. */
const notHostedYet = () =>
  new KafkaJSNumberOfRetriesExceeded(
    new KafkaJSProtocolError({ message: 'This server does not host this topic-partition', type: 'UNKNOWN_TOPIC_OR_PARTITION', code: 3, retriable: true }),
    { retryCount: 5, retryTime: 1000 },
  );

/** An admin whose topics live in a set; `failures` are thrown by createTopics, one per call, before it works. */
function fakeAdmin(existing: string[], failures: Error[]) {
  const topics = new Set(existing);
  const calls = { listTopics: 0, createTopics: 0 };
  const admin = {
    listTopics: () => (calls.listTopics++, Promise.resolve([...topics])),
    createTopics: ({ topics: configs }: { topics: { topic: string }[] }) => {
      calls.createTopics++;
      const failure = failures.shift();
      if (failure) return Promise.reject(failure);
      for (const { topic } of configs) topics.add(topic);
      return Promise.resolve(true);
    },
    describeConfigs: ({ resources }: { resources: { name: string }[] }) => Promise.resolve({
      resources: resources.map(({ name }) => ({
        resourceName: name,
        configEntries: [{ configName: 'retention.ms', configValue: '-1' }, { configName: 'retention.bytes', configValue: '-1' }],
      })),
    }),
    alterConfigs: () => Promise.resolve(true),
  };
  return { admin: admin as unknown as Admin, topics, calls };
}

describe('ensureEventTopics', () => {
  it('starts again from a fresh listing when the broker answers that a topic is not served yet', async () => {
    const { admin, topics, calls } = fakeAdmin([], [notHostedYet()]);
    const created = await ensureEventTopics(admin, ['t.a', 't.b'], { partitions: 1 });
    expect(created).toEqual(['t.a', 't.b']);
    expect([...topics]).toEqual(['t.a', 't.b']);
    expect(calls).toEqual({ listTopics: 2, createTopics: 2 });
  });

  it('passes on an answer that asking again cannot change', async () => {
    const invalid = new KafkaJSProtocolError({ message: 'Replication factor is invalid', type: 'INVALID_REPLICATION_FACTOR', code: 38, retriable: false });
    const { admin, calls } = fakeAdmin([], [invalid]);
    await expect(ensureEventTopics(admin, ['t.a'], { partitions: 1 })).rejects.toThrow('Replication factor is invalid');
    expect(calls.createTopics).toBe(1);
  });
});
