import { createPool } from '@mindflow/db';
import { outboxDepth, OutboxWakeup } from '@mindflow/event-log';
import { createLogger, type Logger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { connectKafkaPublisher } from './kafka-publisher.js';
import { connectOutboxPublisher } from './outbox-publisher.js';
import { OutboxRelay } from './outbox-relay.js';
import { awaitOutboxSchema } from './outbox-schema.js';
import type { RelayConfig } from './relay-config.js';
import { relayMetrics } from './relay-metrics.js';

export interface RunningRelay {
  /** True while the write DB answers (leader or standby alike: a standby is ready to take over). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Starts the outbox → Kafka relay (or, `RELAY_TARGET=outbox`, outbox → another database's outbox) over the database `WRITE_DATABASE_URL` names (the command write DB, or
 * identity's, or insights'): waits until the outbox's owner has migrated it (the relay migrates nothing, see
 * `awaitOutboxSchema`), creates the topics, then publishes as leader or waits as standby. Usable in-process;
 * `main.ts` adds the ops server and signals.
 */
export async function startRelay(
  config: RelayConfig,
  options: { log?: Logger; metrics?: Registry; schemaRetryMs?: number } = {},
): Promise<RunningRelay> {
  const log = options.log ?? createLogger('relay', config.LOG_LEVEL);
  const pool = createPool(config.WRITE_DATABASE_URL, { applicationName: 'relay', max: 3 });
  try {
    await awaitOutboxSchema(pool, { log, ...(options.schemaRetryMs ? { retryMs: options.schemaRetryMs } : {}) });
    const publisher = config.RELAY_TARGET === 'outbox'
      ? await connectOutboxPublisher({
          databaseUrl: config.RELAY_TARGET_DATABASE_URL!, // required by the schema with RELAY_TARGET=outbox
          log,
          ...(options.schemaRetryMs ? { schemaRetryMs: options.schemaRetryMs } : {}),
        })
      : await connectKafkaPublisher({
          brokers: config.KAFKA_BROKERS.split(',').map((broker) => broker.trim()),
          clientId: config.KAFKA_CLIENT_ID,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          partitions: config.KAFKA_TOPIC_PARTITIONS,
          replicationFactor: config.KAFKA_REPLICATION_FACTOR,
          log,
        });
    // The depth gauge reads the relay's checkpoint, and the relay needs the metrics: tie the knot by reference.
    const current: { relay?: OutboxRelay } = {};
    const metrics = relayMetrics(options.metrics ?? new Registry(), () => outboxDepth(pool, current.relay?.position() ?? null));
    const relay = new OutboxRelay({
      pool,
      databaseUrl: config.WRITE_DATABASE_URL,
      publisher,
      signal: new OutboxWakeup(config.WRITE_DATABASE_URL, config.RELAY_POLL_MS, 'relay-listen'),
      metrics,
      log,
      batchSize: config.RELAY_BATCH_SIZE,
      lockRetryMs: config.RELAY_LOCK_RETRY_MS,
      // The checkpoint row and leader lock: one per target, so each starts from the outbox's first unpublished row.
      name: config.RELAY_TARGET,
      source: config.RELAY_SOURCE,
      ...(config.OUTBOX_RETENTION_HOURS > 0
        ? { prune: { retentionMs: config.OUTBOX_RETENTION_HOURS * 3_600_000, everyMs: config.RELAY_PRUNE_EVERY_MS } }
        : {}),
    });
    current.relay = relay;
    return {
      ready: () => pool.query('SELECT 1').then(() => true, () => false),
      async close() {
        await relay.stop();
        await publisher.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
