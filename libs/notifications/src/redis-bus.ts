import type { Logger } from '@mindflow/platform';
import { Redis } from 'ioredis';
import { parseNotification, type Notification } from './notification.js';
import type { NotificationBus, NotificationListener, StopListening } from './notification-bus.js';

export interface RedisBusOptions {
  readonly url: string;
  /** `REDIS_KEY_PREFIX` (ends in `:`): channels are `<prefix>notifications:user:<userId>`. */
  readonly keyPrefix: string;
  readonly log: Logger;
}

/** The channel of one user's notifications: a gateway only receives the users it has subscribers for. */
export const userChannel = (keyPrefix: string, userId: string) => `${keyPrefix}notifications:user:${userId.toLowerCase()}`;

/**
 * The distributed adapter: Redis pub/sub, one channel per user. Publishing and listening use separate
 * connections (a subscribed connection can do nothing else), each opened on first use; ioredis reconnects
 * and re-subscribes by itself. Pub/sub keeps nothing: what passes during a disconnection is not replayed.
 */
export function createRedisBus(options: RedisBusOptions): NotificationBus {
  const log = options.log.child({ component: 'notification-bus' });
  let publisher: Redis | undefined;
  let subscriber: Redis | undefined;
  const listeners = new Map<string, Set<NotificationListener>>();
  /** The SUBSCRIBE in flight or done per channel: a second listener waits for the same acknowledgement. */
  const subscribed = new Map<string, Promise<unknown>>();

  const connect = (role: 'publisher' | 'subscriber') =>
    new Redis(options.url, {
      // Named after the system's prefix, so `CLIENT LIST` tells which deployment a connection belongs to.
      connectionName: `${options.keyPrefix}notifications-${role}`.replace(/\s/g, '_'),
      maxRetriesPerRequest: 3,
      enableAutoPipelining: role === 'publisher',
      // ioredis writes SUBSCRIBE during its connection handshake (the command may run while the server
      // loads); its ready check (INFO) then runs on a connection already in subscriber mode, fails, and the
      // connection is dropped with every SUBSCRIBE waiting on it. Pub/sub needs no loaded dataset: no check.
      enableReadyCheck: role === 'publisher',
    }).on('error', (error: Error) => log.warn({ err: error, role }, 'redis connection error'));

  function subscriberConnection(): Redis {
    if (subscriber) return subscriber;
    subscriber = connect('subscriber');
    subscriber.on('message', (channel: string, text: string) => {
      const forChannel = listeners.get(channel);
      if (!forChannel?.size) return;
      const notification = parseNotification(text);
      if (!notification) {
        log.warn({ channel }, 'dropped a message that is not a notification');
        return;
      }
      for (const listener of [...forChannel]) {
        try {
          listener(notification);
        } catch (error) {
          log.warn({ err: error, eventId: notification.eventId }, 'notification listener failed');
        }
      }
    });
    return subscriber;
  }

  return {
    kind: 'redis',
    async publish(notification: Notification): Promise<void> {
      publisher ??= connect('publisher');
      await publisher.publish(userChannel(options.keyPrefix, notification.userId), JSON.stringify(notification));
    },
    async listen(userId: string, listener: NotificationListener): Promise<StopListening> {
      const channel = userChannel(options.keyPrefix, userId);
      const forChannel = listeners.get(channel) ?? new Set();
      listeners.set(channel, forChannel);
      const registered: NotificationListener = (n) => listener(n);
      forChannel.add(registered);
      let ack = subscribed.get(channel);
      if (!ack) {
        ack = subscriberConnection().subscribe(channel);
        subscribed.set(channel, ack);
      }
      try {
        await ack;
      } catch (error) {
        forChannel.delete(registered);
        if (subscribed.get(channel) === ack) subscribed.delete(channel);
        throw error;
      }
      return async () => {
        forChannel.delete(registered);
        if (forChannel.size > 0) return;
        listeners.delete(channel);
        subscribed.delete(channel);
        // Commands on one connection run in order: a SUBSCRIBE issued after this by a new listener wins.
        await subscriber?.unsubscribe(channel).catch((error: unknown) => log.warn({ err: error, channel }, 'unsubscribe failed'));
      };
    },
    healthy: () => [publisher, subscriber].every((connection) => !connection || connection.status === 'ready'),
    async close() {
      listeners.clear();
      subscribed.clear();
      const open = [publisher, subscriber].filter((connection): connection is Redis => connection !== undefined);
      await Promise.all(open.map((connection) => connection.quit().catch(() => connection.disconnect())));
    },
  };
}
