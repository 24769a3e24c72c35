import type { Logger } from '@mindflow/platform';
import type { Notification } from './notification.js';
import type { NotificationBus, NotificationListener, StopListening } from './notification-bus.js';

/** The embedded adapter: publisher and listeners live in one process. */
export function createInProcessBus(log?: Logger): NotificationBus {
  const listeners = new Map<string, Set<NotificationListener>>();
  return {
    kind: 'in-process',
    // Nothing below throws (a listener's failure is caught), so these return settled promises instead of being async.
    publish(notification: Notification): Promise<void> {
      for (const listener of [...(listeners.get(notification.userId) ?? [])]) {
        // One listener's failure is its own: the others and the publisher carry on.
        try {
          listener(notification);
        } catch (error) {
          log?.warn({ err: error, eventId: notification.eventId }, 'notification listener failed');
        }
      }
      return Promise.resolve();
    },
    listen(userId: string, listener: NotificationListener): Promise<StopListening> {
      const forUser = listeners.get(userId) ?? new Set();
      listeners.set(userId, forUser);
      // A wrapper per call, so one listener function registered twice is two listeners.
      const registered: NotificationListener = (n) => listener(n);
      forUser.add(registered);
      return Promise.resolve(() => {
        forUser.delete(registered);
        if (forUser.size === 0 && listeners.get(userId) === forUser) listeners.delete(userId);
        return Promise.resolve();
      });
    },
    healthy: () => true,
    close() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}
