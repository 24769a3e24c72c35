import { erasingReadModels, startProjection, type ProjectionDependencies, type ProjectorDefinition, type RunningProjection } from '@mindflow/event-log';
import { migrateNotificationsDatabase } from '../adapters/pg/notifications-migrations.js';
import { notificationsProjectorConfigSchema, type NotificationsProjectorConfig } from './config.js';
import { recipients } from './recipients.js';
import { reflectionEntries } from './reflection-entries.js';
import { taskReminders } from './task-reminders.js';
import { notificationsUserEraser } from './user-erasure.js';
import { notificationsWorkers, type NotificationsWorker, type NotificationsWorkerFactory, type NotificationsWorkers } from './workers.js';

/** The projection's name in `projection_versions` and its default consumer group suffix. */
export const notificationsProjection = 'notifications';

/** The read models, in the order their handlers run. */
export const notificationsReadModels = [recipients, taskReminders, reflectionEntries] as const;

/** What notifications adds to a projection's dependencies (tests). */
export interface NotificationsProjectorDependencies extends ProjectionDependencies {
  readonly now?: () => Date;
  /** Start the workers (default); tests may drive them themselves, or run the projection alone. */
  readonly startWorkers?: boolean;
  /** Workers to make instead of `notificationsWorkers` (tests). */
  readonly workers?: Readonly<Record<string, NotificationsWorkerFactory>>;
}

export interface NotificationsProjectionParts {
  /** The workers made for this process, by name. */
  readonly workers: NotificationsWorkers & Readonly<Record<string, NotificationsWorker>>;
}

export type RunningNotificationsProjector = RunningProjection<NotificationsProjectionParts>;

/**
 * The notifications projection: follows users, tasks, entries, journals and insights into the notifications DB
 * (recipients, task reminders and their schedule rows, reflection entries), exactly once per event (the projector
 * runtime's versions), with the workers of `notificationsWorkers` beside it.
 */
export const notificationsProjector = {
  name: notificationsProjection,
  role: 'notifications-projector',
  config: notificationsProjectorConfigSchema,
  database: (config) => config.NOTIFICATIONS_DATABASE_URL,
  group: (config) => config.NOTIFICATIONS_PROJECTOR_GROUP,
  migrations: migrateNotificationsDatabase,
  async setUp({ config, pool, log, metrics, dependencies, keys, onClose }) {
    const now = dependencies.now ?? (() => new Date());
    const factories: Readonly<Record<string, NotificationsWorkerFactory>> = dependencies.workers ?? notificationsWorkers;
    const workers: Record<string, NotificationsWorker> = {};
    for (const [name, make] of Object.entries(factories)) {
      workers[name] = await make({ config, pool, log: log.child({ worker: name }), metrics, now, keys, onClose });
    }
    const running = Object.values(workers);
    return {
      // Each skips events of erased users; the last erases a user and acknowledges (issue 16, user-erasure.ts).
      readModels: erasingReadModels(notificationsReadModels, notificationsUserEraser(notificationsProjection, now)),
      ...(dependencies.startWorkers !== false ? { start: () => running.forEach((worker) => worker.start()) } : {}),
      async stop() {
        for (const worker of [...running].reverse()) await worker.stop();
      },
      // The record holds what `notificationsWorkers` makes (or the test's own): typed by the factories' names.
      exposed: { workers: workers as NotificationsProjectionParts['workers'] },
      consuming: { workers: Object.keys(workers) },
    };
  },
} satisfies ProjectorDefinition<typeof notificationsProjectorConfigSchema, NotificationsProjectorDependencies, NotificationsProjectionParts>;

/** Starts the notifications projection (tests, benchmarks, tools): `startProjection` of its definition. */
export function startNotificationsProjector(
  input: Partial<NotificationsProjectorConfig> = {},
  dependencies: NotificationsProjectorDependencies = {},
): Promise<RunningNotificationsProjector> {
  return startProjection(notificationsProjector, input, dependencies);
}
