import type { Notification } from './notification.js';

export type NotificationListener = (notification: Notification) => void;

/** Stops one listener; the bus stops listening for a user once nobody listens. */
export type StopListening = () => Promise<void>;

/**
 * Fan-out of notifications to every gateway replica, addressed by user. The notifier publishes; each
 * gateway listens for the users it has subscribers for. Best effort and live only: a listener that is
 * not there when a notification passes never sees it (a reconnecting client re-reads instead).
 * Adapters: Redis pub/sub (distributed), in-process (embedded: notifier and gateway share one process).
 */
export interface NotificationBus {
  readonly kind: 'redis' | 'in-process';
  publish(notification: Notification): Promise<void>;
  /** Resolves once notifications for `userId` reach `listener` (Redis: the SUBSCRIBE is acknowledged). */
  listen(userId: string, listener: NotificationListener): Promise<StopListening>;
  /** True while the bus can deliver (the Redis connections are up). */
  healthy(): boolean;
  close(): Promise<void>;
}
