import { createEventLog } from '@mindflow/event-log';
import { createNotificationBus, runNotifier } from '@mindflow/notifications';
import { createLogger, type Logger } from '@mindflow/platform';
import type { Registry } from 'prom-client';
import { notifierConfigSchema, notifierGroup, type NotifierConfig } from './config.js';

export interface RunningNotifierService {
  isReady(): boolean;
  /** Stopped consuming while events wait for it (NOTIFIER_LIVE_MAX_STALL_MS): `/health/live` fails. */
  isStalled(): boolean;
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The notifier service: follows the event log (Kafka in distributed mode) and publishes notifications to
 * every gateway replica through the bus (Redis pub/sub). Wiring only; the role is `runNotifier`.
 */
export async function startNotifier(
  input: Partial<NotifierConfig> = {},
  dependencies: { log?: Logger; metrics?: Registry } = {},
): Promise<RunningNotifierService> {
  const config = notifierConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('notifier');
  const eventLog = createEventLog({
    mode: config.MINDFLOW_MODE,
    log,
    clientId: 'notifier',
    kafkaBrokers: config.KAFKA_BROKERS,
    kafkaTopicPrefix: config.KAFKA_TOPIC_PREFIX,
    kafkaSessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    writeDatabaseUrl: config.WRITE_DATABASE_URL,
    readDatabaseUrl: config.READ_DATABASE_URL,
    keyStore: config,
  });
  const bus = createNotificationBus({ mode: config.MINDFLOW_MODE, redisUrl: config.REDIS_URL, redisKeyPrefix: config.REDIS_KEY_PREFIX, log });
  try {
    const notifier = await runNotifier({
      eventLog,
      bus,
      group: notifierGroup(config),
      log,
      metrics: dependencies.metrics,
      maxEventAgeMs: config.NOTIFIER_MAX_EVENT_AGE_MS,
      liveness: { maxStallMs: config.NOTIFIER_LIVE_MAX_STALL_MS },
    });
    let closing: Promise<void> | undefined;
    return {
      isReady: () => notifier.isReady() && bus.healthy(),
      isStalled: () => notifier.isStalled(),
      ready: () => notifier.ready(),
      close() {
        closing ??= (async () => {
          await notifier.stop();
          await eventLog.close();
          await bus.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await eventLog.close().catch(() => undefined);
    await bus.close().catch(() => undefined);
    throw error;
  }
}
