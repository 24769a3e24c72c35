import type { Pool } from '@mindflow/db';
import type { KeyStore } from '@mindflow/events';
import type { Logger } from '@mindflow/platform';
import type { Registry } from 'prom-client';
import { deliveryWorker } from '../delivery/delivery-worker-factory.js';
import { setUpReflectionPreparer } from '../reflection/set-up-reflection-preparer.js';
import { setUpScheduler } from '../scheduling/set-up-scheduler.js';
import type { NotificationsProjectorConfig } from './config.js';

/**
 * What runs beside the notifications projection, in its process (README "Shape"): the scheduler that fires due
 * rows and the senders. Each part is a factory here; the projector's `setUp` makes every one, starts them once
 * the projector runs and stops them (in reverse) before it stops.
 */
export interface NotificationsWorker {
  start(): void;
  stop(): Promise<void>;
}

/** What a worker factory gets: the projection's configuration, its (migrated) pool and where to hang clean-up. */
export interface NotificationsWorkerContext {
  readonly config: NotificationsProjectorConfig;
  readonly pool: Pool;
  readonly log: Logger;
  readonly metrics: Registry | undefined;
  readonly now: () => Date;
  /** The projection's key store: the events a worker appends (NotificationCreated, …) are sealed with it (issue 16). */
  readonly keys?: KeyStore | undefined;
  /** Closes something the factory opened (after the projector and the workers stopped, or when start-up fails). */
  onClose: (close: () => Promise<void> | void) => void;
}

export type NotificationsWorkerFactory<W extends NotificationsWorker = NotificationsWorker> = (
  context: NotificationsWorkerContext,
) => W | Promise<W>;

/**
 * The workers of the notifications projector process, by name (the running projection exposes them under the
 * same names: `projector.workers.<name>`, e.g. for a test's `runOnce()`). The scheduler and the delivery workers
 * add themselves here (their parts of issue 14), and the preparer of premium users' weekly reflections by Claude.
 */
export const notificationsWorkers = { scheduler: setUpScheduler, delivery: deliveryWorker, reflections: setUpReflectionPreparer } satisfies Record<string, NotificationsWorkerFactory>;

export type NotificationsWorkers = { readonly [K in keyof typeof notificationsWorkers]: Awaited<ReturnType<(typeof notificationsWorkers)[K]>> };
