// Event topics keep their history for good, on the real broker: new ones are created so, old ones (created with a
// time-limited retention, as before) are altered on the next start.
import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKafkaBrokers, uniquePrefix } from '../../test/test-servers.js';
import { ensureEventTopics } from './event-topics.js';

let admin: Admin;
beforeAll(async () => {
  admin = new Kafka({ clientId: 'event-topics-test', brokers: await testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
});
afterAll(async () => {
  await admin?.disconnect();
});

async function retentionOf(topic: string): Promise<Record<string, string>> {
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms', 'retention.bytes'] }],
  });
  return Object.fromEntries(resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
}

describe('event topics', () => {
  it('are created to keep every event for good', async () => {
    const topic = `${uniquePrefix('topics')}.journal`;
    expect(await ensureEventTopics(admin, [topic], { partitions: 2 })).toEqual([topic]);
    expect(await retentionOf(topic)).toEqual({ 'retention.ms': '-1', 'retention.bytes': '-1' });
    expect(await ensureEventTopics(admin, [topic], { partitions: 2 })).toEqual([]); // idempotent
  });

  it('that were created with a day of retention are altered to keep everything, and the change is logged', async () => {
    const topic = `${uniquePrefix('topics')}.entry`;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '86400000' }, { name: 'max.message.bytes', value: '2000000' }] }],
    });
    expect((await retentionOf(topic))['retention.ms']).toBe('86400000');
    const warned: object[] = [];
    await ensureEventTopics(admin, [topic], { partitions: 1, log: { info: () => undefined, warn: (context) => void warned.push(context) } });
    expect(await retentionOf(topic)).toEqual({ 'retention.ms': '-1', 'retention.bytes': '-1' });
    expect(warned).toEqual([{ topics: [topic] }]);
    // An operator's own override survives (AlterConfigs replaces the whole set: it is written back).
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['max.message.bytes'] }],
    });
    expect(resources[0]!.configEntries[0]!.configValue).toBe('2000000');
  });
});
