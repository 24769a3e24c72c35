// Live notifications: the event → notification mapping, the bus that fans them out to every gateway
// replica (Redis pub/sub, or in-process in embedded mode), and the notifier role that feeds it from the log.
export {
  Notification,
  consistencyTokenOf,
  entryChangeKinds,
  insightsChangeKinds,
  parseNotification,
  taskChangeKinds,
  thoughtChangeKinds,
  type NotificationOf,
  type NotificationSubject,
} from './notification.js';
export { notificationOf, notifiedEventTypes } from './notification-of.js';
export type { NotificationBus, NotificationListener, StopListening } from './notification-bus.js';
export { createInProcessBus } from './in-process-bus.js';
export { createRedisBus, userChannel, type RedisBusOptions } from './redis-bus.js';
export { createNotificationBus, type NotificationBusConfig } from './create-notification-bus.js';
export { runNotifier, type NotifierOptions, type RunningNotifier } from './run-notifier.js';
