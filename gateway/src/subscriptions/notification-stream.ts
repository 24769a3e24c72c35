import type { Notification, NotificationBus } from '@mindflow/notifications';

export interface NotificationStreamOptions {
  readonly bus: NotificationBus;
  readonly userId: string;
  /** Which of the user's notifications this subscription is about. */
  readonly accepts: (notification: Notification) => boolean;
  /**
   * Notifications waiting while the subscriber's previous one is being resolved. Past it the oldest is
   * dropped (`onDrop`): a slow subscriber must not hold a growing queue in the gateway's memory.
   */
  readonly capacity?: number;
  readonly onDrop?: (notification: Notification) => void;
}

export interface NotificationStream extends AsyncIterableIterator<Notification> {
  /** Stops listening and ends the iteration, also while a `next()` is waiting. */
  close(): Promise<void>;
}

/** How many recent event ids a stream remembers to drop redeliveries (the notifier is at-least-once). */
const rememberedEvents = 256;

/**
 * One subscription's notifications as an async iterator: only the caller's (the bus is addressed by user,
 * and checked again here), only the kind it asks for, each event once, in arrival order. Resolves once the
 * bus listens, so nothing published after that is missed.
 */
export async function openNotificationStream(options: NotificationStreamOptions): Promise<NotificationStream> {
  const capacity = options.capacity ?? 100;
  const queue: Notification[] = [];
  const seen = new Set<string>();
  let waiting: ((result: IteratorResult<Notification>) => void) | undefined;
  let closed = false;

  const stopListening = await options.bus.listen(options.userId, (notification) => {
    if (closed || notification.userId !== options.userId || !options.accepts(notification)) return;
    if (seen.has(notification.eventId)) return;
    seen.add(notification.eventId);
    if (seen.size > rememberedEvents) seen.delete(seen.values().next().value!);
    if (waiting) {
      const deliver = waiting;
      waiting = undefined;
      deliver({ done: false, value: notification });
      return;
    }
    queue.push(notification);
    if (queue.length > capacity) options.onDrop?.(queue.shift()!);
  });

  const stream: NotificationStream = {
    [Symbol.asyncIterator]: () => stream,
    next(): Promise<IteratorResult<Notification>> {
      if (queue.length > 0) return Promise.resolve({ done: false, value: queue.shift()! });
      if (closed) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve) => (waiting = resolve));
    },
    async return(): Promise<IteratorResult<Notification>> {
      await stream.close();
      return { done: true, value: undefined };
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      queue.length = 0;
      waiting?.({ done: true, value: undefined });
      waiting = undefined;
      await stopListening();
    },
  };
  return stream;
}
