import type { KeyStore } from '@mindflow/events';
import { lazyKeyStore } from './keys/lazy-key-store.js';
import { keyStoreDatabaseUrl, openKeyStore, type KeyStoreConfig } from './keys/open-key-store.js';
import type { Logger, Mode } from '@mindflow/platform';
import { createEmbeddedEventLog } from './embedded/embedded-event-log.js';
import type { EventLog } from './event-log.js';
import { createKafkaEventLog } from './kafka/kafka-event-log.js';

export interface EventLogConfig {
  /** `MINDFLOW_MODE`: `distributed` reads Kafka, `embedded` reads the write DB's outbox. */
  readonly mode: Mode;
  readonly log: Logger;
  /** distributed: `KAFKA_BROKERS` (comma-separated) and `KAFKA_TOPIC_PREFIX`. */
  readonly kafkaBrokers?: string;
  readonly kafkaTopicPrefix?: string;
  /** How long a silent member keeps its partitions (a crashed member's are reassigned after this). */
  readonly kafkaSessionTimeoutMs?: number;
  /** distributed: the most a fetch brings of one partition (the batches a subscriber gets); kafkajs's 1 MiB if absent. */
  readonly kafkaMaxBytesPerPartition?: number;
  readonly clientId?: string;
  /** embedded: `WRITE_DATABASE_URL` (the outbox) and `READ_DATABASE_URL` (checkpoints). */
  readonly writeDatabaseUrl?: string;
  readonly readDatabaseUrl?: string;
  /** The key store sealed personal fields are opened with (crypto-shredding, `openKeyStore`). */
  readonly keys?: KeyStore;
  /**
   * Or where to find it (`keyStoreConfigSchema` of the process's configuration): the log opens it on first use and
   * closes it with itself. Embedded, it defaults to the write DB; distributed, it needs `KEY_STORE_DATABASE_URL`.
   */
  readonly keyStore?: KeyStoreConfig;
}

/** Picks the event log adapter the configuration asks for (DESIGN.md, "Two ways to run"). */
export function createEventLog(config: EventLogConfig): EventLog {
  const keyDatabase = config.keys || !config.keyStore ? undefined : keyStoreDatabaseUrl({ ...config.keyStore, MINDFLOW_MODE: config.mode }, config.writeDatabaseUrl);
  if (keyDatabase === undefined) return createAdapter(config);
  // Opened on first use, and again on the next lookup after a failed open (the keys DB down at start).
  const lazy = lazyKeyStore(() => openKeyStore({ ...config.keyStore!, databaseUrl: keyDatabase }, { log: config.log }));
  const keys = lazy.keys;
  const log = createAdapter({ ...config, keys });
  return {
    ...log,
    kind: log.kind,
    subscribe: (options) => log.subscribe(options),
    deleteGroup: (group) => log.deleteGroup(group),
    async close() {
      await log.close();
      await lazy.close();
    },
  };
}

function createAdapter(config: EventLogConfig): EventLog {
  if (config.mode === 'distributed') {
    return createKafkaEventLog({
      brokers: required(config.kafkaBrokers, 'KAFKA_BROKERS').split(',').map((b) => b.trim()).filter(Boolean),
      topicPrefix: required(config.kafkaTopicPrefix, 'KAFKA_TOPIC_PREFIX'),
      clientId: config.clientId,
      sessionTimeoutMs: config.kafkaSessionTimeoutMs,
      maxBytesPerPartition: config.kafkaMaxBytesPerPartition,
      log: config.log,
      keys: config.keys,
    });
  }
  return createEmbeddedEventLog({
    writeDatabaseUrl: required(config.writeDatabaseUrl, 'WRITE_DATABASE_URL'),
    readDatabaseUrl: required(config.readDatabaseUrl, 'READ_DATABASE_URL'),
    log: config.log,
    keys: config.keys,
  });
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required for this event log`);
  return value;
}
