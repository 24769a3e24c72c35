import { createEventLog } from '@mindflow/event-log';
import { createNotificationBus, runNotifier, type NotificationBus, type RunningNotifier } from '@mindflow/notifications';
import type { Logger } from '@mindflow/platform';
import type { Registry } from 'prom-client';
import type { GatewayConfig } from '../config.js';

export interface LiveNotifications {
  readonly bus: NotificationBus;
  isReady(): boolean;
  close(): Promise<void>;
}

/**
 * Where the gateway's subscriptions hear about changes. Distributed: Redis pub/sub, fed by the notifier
 * service, so every replica hears every change of the users it serves. Embedded (one process per role,
 * one gateway): the gateway plays the notifier itself, following the outbox, on an in-process bus.
 */
export async function startLiveNotifications(config: GatewayConfig, log: Logger, metrics?: Registry): Promise<LiveNotifications> {
  const bus = createNotificationBus({ mode: config.MINDFLOW_MODE, redisUrl: config.REDIS_URL, redisKeyPrefix: config.REDIS_KEY_PREFIX, log });
  if (config.MINDFLOW_MODE === 'distributed') {
    return { bus, isReady: () => bus.healthy(), close: () => bus.close() };
  }
  const eventLog = createEventLog({
    mode: 'embedded',
    log,
    clientId: 'gateway-notifier',
    writeDatabaseUrl: config.WRITE_DATABASE_URL,
    readDatabaseUrl: config.READ_DATABASE_URL,
    keyStore: config,
  });
  let notifier: RunningNotifier;
  try {
    notifier = await runNotifier({ eventLog, bus, group: `${config.KAFKA_TOPIC_PREFIX}.notifier`, log, metrics });
  } catch (error) {
    await eventLog.close().catch(() => undefined);
    throw error;
  }
  return {
    bus,
    isReady: () => notifier.isReady(),
    async close() {
      await notifier.stop();
      await eventLog.close();
      await bus.close();
    },
  };
}
