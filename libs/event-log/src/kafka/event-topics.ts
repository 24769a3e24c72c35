import type { Admin, ConfigSource, ITopicConfig } from 'kafkajs';
import kafkajs from 'kafkajs';
import { backoffDelay, pause, type BackoffPolicy } from '@mindflow/platform';

// kafkajs is CommonJS, and Node's ESM loader reads its export list only up to `CompressionTypes`: a named import
// of ConfigResourceTypes passes the type-check and vitest but fails at start-up of every role under plain Node.
const { ConfigResourceTypes } = kafkajs;

/**
 * Event topics keep every event for good: a rebuild reads a projection's history from offset 0, and a topic
 * that drops old segments (the broker's default is 7 days) would silently build a read model without them.
 * Set on the topic itself, so it holds whatever the broker's defaults are (tools/infra, compose, k8s).
 */
export const eventTopicConfig: readonly { name: string; value: string }[] = [
  { name: 'retention.ms', value: '-1' },
  { name: 'retention.bytes', value: '-1' },
];

/** DescribeConfigs' `configSource` of a setting made on the topic itself (DYNAMIC_TOPIC_CONFIG). */
const topicOverride: ConfigSource = 1; // typed: kafkajs declares the enum but does not export its values

export interface EnsureTopicsOptions {
  readonly partitions: number;
  readonly replicationFactor?: number;
  readonly log?: { info(context: object, message: string): void; warn(context: object, message: string): void };
}

/**
 * Creates the missing topics with `eventTopicConfig`, and gives existing ones that config when they lack it
 * (topics created before it, with the broker's time-limited retention). Returns the topics it created.
 *
 * Several roles start at once and each ensures the same topics (the relays, the projectors): a topic another one
 * has just created may be listed before the broker serves it ("This server does not host this topic-partition"),
 * or be created twice. Such a retriable answer starts the whole check again, from a fresh listing, a few times.
 */
export async function ensureEventTopics(admin: Admin, topics: readonly string[], options: EnsureTopicsOptions): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ensureOnce(admin, topics, options);
    } catch (error) {
      if (attempt >= topicAttempts || !isRetriable(error)) throw error;
      const delay = backoffDelay(attempt, topicRetries);
      options.log?.warn({ attempt, delayMs: delay, err: error }, 'ensuring the event topics failed; trying again');
      await pause(delay);
    }
  }
}

const topicAttempts = 6;
const topicRetries: BackoffPolicy = { initialMs: 250, maxMs: 4_000 };

/** kafkajs marks the answers worth asking again for (`retriable`), also on the errors a failed retry loop wraps. */
function isRetriable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { retriable, type, cause } = error as { retriable?: boolean; type?: string; cause?: unknown };
  return retriable === true || type === 'TOPIC_ALREADY_EXISTS' || (cause !== undefined && cause !== error && isRetriable(cause));
}

async function ensureOnce(admin: Admin, topics: readonly string[], options: EnsureTopicsOptions): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    const configs: ITopicConfig[] = missing.map((topic) => ({
      topic,
      numPartitions: options.partitions,
      ...(options.replicationFactor ? { replicationFactor: options.replicationFactor } : {}),
      configEntries: [...eventTopicConfig],
    }));
    await admin.createTopics({ waitForLeaders: true, topics: configs });
    options.log?.info({ topics: missing }, 'created topics (events kept for good)');
  }
  const present = topics.filter((topic) => existing.has(topic));
  if (present.length === 0) return missing;
  // Every config of the topics: kafkajs speaks only the non-incremental AlterConfigs, which replaces a topic's whole
  // set of overrides, so an operator's own (min.insync.replicas, …) are read here and written back with ours.
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: present.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
  });
  const stale = described.resources.filter((resource) =>
    eventTopicConfig.some((wanted) => resource.configEntries.find((e) => e.configName === wanted.name)?.configValue !== wanted.value));
  if (stale.length > 0) {
    const wanted = new Set(eventTopicConfig.map((c) => c.name));
    await admin.alterConfigs({
      validateOnly: false,
      resources: stale.map((resource) => ({
        type: ConfigResourceTypes.TOPIC,
        name: resource.resourceName,
        configEntries: [
          ...resource.configEntries
            .filter((e) => e.configSource === topicOverride && !e.isDefault && !e.isSensitive && !wanted.has(e.configName))
            .map((e) => ({ name: e.configName, value: e.configValue })),
          ...eventTopicConfig,
        ],
      })),
    });
    options.log?.warn({ topics: stale.map((r) => r.resourceName) }, 'topics had a time- or size-limited retention: set to keep events for good');
  }
  return missing;
}
