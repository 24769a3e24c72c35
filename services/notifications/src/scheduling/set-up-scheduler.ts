import { randomUUID } from 'node:crypto';
import { pgScheduleStore } from '../adapters/pg/pg-schedule-store.js';
import { scheduleWakeups } from '../adapters/pg/schedule-wakeups.js';
import { createScheduler, type Scheduler } from '../application/scheduler.js';
import type { NotificationsWorkerContext } from '../projector/workers.js';
import { schedulerConfigSchema } from './scheduler-config.js';

/**
 * The scheduler wired to the notifications DB: the worker factory the projector's `setUp` makes beside the
 * projection (`notificationsWorkers.scheduler`). It listens for the schedule's wake-ups (0002-schedule-wakeup.sql)
 * on a connection of its own; its settings come from the projector's config when it carries them, else defaults.
 */
export function setUpScheduler(context: NotificationsWorkerContext): Scheduler {
  const config = schedulerConfigSchema.parse(context.config);
  const wakeups = scheduleWakeups(
    context.config.NOTIFICATIONS_DATABASE_URL,
    // called only once listening, which the started scheduler asks for: `scheduler` is set by then
    () => scheduler.wake(),
    (error) => context.log.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'scheduler: cannot listen for wake-ups; polling'),
  );
  context.onClose(() => wakeups.close());
  const scheduler = createScheduler({
    store: pgScheduleStore(context.pool, context.keys),
    log: context.log,
    now: context.now,
    newId: randomUUID,
    batchSize: config.NOTIFICATIONS_SCHEDULER_BATCH_SIZE,
    concurrency: config.NOTIFICATIONS_SCHEDULER_CONCURRENCY,
    maxSleepMs: config.NOTIFICATIONS_SCHEDULER_MAX_SLEEP_MS,
    lookAheadMs: config.NOTIFICATIONS_SCHEDULER_LOOKAHEAD_MS,
    flipBatchSize: config.NOTIFICATIONS_SCHEDULER_FLIP_BATCH_SIZE,
    listen: () => wakeups.listen(),
    ...(context.metrics ? { metrics: context.metrics } : {}),
  });
  return scheduler;
}
