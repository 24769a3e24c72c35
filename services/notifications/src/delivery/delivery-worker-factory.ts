import { pgDeliveryWakeups } from '../adapters/pg/delivery-wakeups.js';
import type { DeliveryWorker } from '../application/delivery-worker.js';
import type { NotificationsWorkerFactory } from '../projector/workers.js';
import { setUpDeliveryWorker } from './set-up-delivery-worker.js';

/**
 * The senders as a worker of the notifications projector process (`notificationsWorkers.delivery`): the delivery
 * worker wired from the projector's configuration, woken by the deliveries the scheduler queues (the DB's
 * `notification_deliveries` notices, from any process).
 */
export const deliveryWorker: NotificationsWorkerFactory<DeliveryWorker> = ({ config, pool, log, metrics, now, keys, onClose }) => {
  const wakeups = pgDeliveryWakeups(config.NOTIFICATIONS_DATABASE_URL, () => worker.poke(), (error) => log.warn({ err: error }, 'delivery worker: cannot listen for queued deliveries; polling'));
  onClose(() => wakeups.close());
  const worker = setUpDeliveryWorker(config, { pool, log, mode: config.MINDFLOW_MODE, now, wakeups, keys, ...(metrics ? { metrics } : {}) });
  return worker;
};
