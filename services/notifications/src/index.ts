// The notifications service (README.md): its roles' definitions are exported here as they land.
export { rescheduleUser } from './adapters/pg/task-schedule.js';
export { isValidTimeZone, usableTimeZone } from './domain/time-zone.js';
export { createScheduler, notificationsSource, type FiredNotification, type Scheduler, type SchedulerOptions } from './application/scheduler.js';
export { pgScheduleStore } from './adapters/pg/pg-schedule-store.js';
export { notificationsProjector, notificationsProjection, notificationsReadModels, startNotificationsProjector, type NotificationsProjectorDependencies, type RunningNotificationsProjector } from './projector/notifications-projector.js';
export { notificationsProjectorConfigSchema, type NotificationsProjectorConfig } from './projector/config.js';
export { notificationsWorkers, type NotificationsWorker, type NotificationsWorkerContext, type NotificationsWorkerFactory } from './projector/workers.js';
export { migrateNotificationsDatabase } from './adapters/pg/notifications-migrations.js';
export { setUpDeliveryWorker } from './delivery/set-up-delivery-worker.js';
export { deliveryConfigSchema, type DeliveryConfig } from './delivery/delivery-config.js';
