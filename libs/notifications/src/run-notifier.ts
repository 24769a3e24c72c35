import { defaultCaughtUpPolicy, LagMonitor, type EventLog, type Subscription } from '@mindflow/event-log';
import type { Logger } from '@mindflow/platform';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { NotificationBus } from './notification-bus.js';
import { notificationOf, notifiedEventTypes } from './notification-of.js';
import { notifyInTrace } from './notify-in-trace.js';

export interface NotifierOptions {
  readonly eventLog: EventLog;
  readonly bus: NotificationBus;
  /** Consumer group: the notifier replicas share the work; every event is published once (at least). */
  readonly group: string;
  readonly log: Logger;
  readonly metrics?: Registry;
  /**
   * Events older than this are not news: after an outage the notifier skips the backlog instead of
   * flooding subscribers with stale changes (a client re-reads on reconnect anyway).
   */
  readonly maxEventAgeMs?: number;
  readonly now?: () => number;
  /**
   * Liveness: events waiting for this member and none handled for `maxStallMs` (default 5 min; 0: never) is a
   * notifier that has stopped (a consumer that cannot join or keeps crashing, a publish that hangs); its lag is
   * measured every `pollMs` (default 5 s). Absent: not measured (the gateway's in-process notifier), never stalled.
   */
  readonly liveness?: { readonly pollMs?: number; readonly maxStallMs?: number };
}

export interface RunningNotifier {
  ready(): Promise<void>;
  isReady(): boolean;
  lag(): Promise<number>;
  /** Stopped consuming while events wait for it (see `NotifierOptions.liveness`): `/health/live` fails. */
  isStalled(): boolean;
  stop(): Promise<void>;
}

/**
 * The notifier: follows the event log (from its end for a new group) and publishes each event a
 * subscription cares about as a compact notification on the bus. At least once, never exactly once: a
 * redelivered event is published again and the gateway's per-subscription de-duplication drops it.
 * It never blocks a projector: it is a consumer group of its own.
 */
export async function runNotifier(options: NotifierOptions): Promise<RunningNotifier> {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxEventAgeMs ?? 5 * 60_000;
  const metrics = options.metrics ? notifierMetrics(options.metrics) : undefined;
  let ready = false;
  const late: { subscription?: Subscription } = {};
  const monitor = new LagMonitor(
    () => (late.subscription!.memberLag ? late.subscription!.memberLag() : late.subscription!.lag()),
    { ...defaultCaughtUpPolicy, ...options.liveness },
    options.log,
    Date.now,
    'notifier',
  );
  const subscription: Subscription = await options.eventLog.subscribe({
    group: options.group,
    eventTypes: notifiedEventTypes,
    fromBeginning: false,
    async handle(batch) {
      const published: Promise<void>[] = [];
      for (const event of batch.events) {
        const notification = notificationOf(event);
        if (!notification) continue;
        const ageMs = now() - Date.parse(event.occurredAt);
        if (ageMs > maxAgeMs) {
          metrics?.skipped.inc({ reason: 'stale' });
          continue;
        }
        // Sent without waiting one by one: on one connection Redis keeps their order.
        published.push(notifyInTrace(event, options.log, () => options.bus.publish(notification)).then(() => {
          metrics?.published.inc({ subject: notification.subject });
          metrics?.ageSeconds.observe(Math.max(0, now() - Date.parse(event.occurredAt)) / 1000);
        }));
      }
      // A failed publish throws: the log retries the batch with backoff (at least once).
      await Promise.all(published);
      if (batch.events.length > 0) batch.done(batch.events.length - 1);
      for (const event of batch.events) monitor.finished(event.occurredAt);
    },
  });
  late.subscription = subscription;
  if (options.liveness) monitor.start();
  void subscription.ready().then(() => {
    ready = true;
    options.log.info({ group: options.group, bus: options.bus.kind, log: options.eventLog.kind }, 'notifier consuming');
  });
  return {
    ready: () => subscription.ready(),
    isReady: () => ready,
    lag: () => subscription.lag(),
    isStalled: () => monitor.isStalled(),
    stop() {
      monitor.stop();
      return subscription.stop();
    },
  };
}

function notifierMetrics(registry: Registry) {
  const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;
  return {
    published:
      existing<Counter<'subject'>>('mindflow_notifier_published_total') ??
      new Counter({ name: 'mindflow_notifier_published_total', help: 'Notifications published to the bus.', labelNames: ['subject'], registers: [registry] }),
    skipped:
      existing<Counter<'reason'>>('mindflow_notifier_skipped_total') ??
      new Counter({ name: 'mindflow_notifier_skipped_total', help: 'Events not published (reason: stale).', labelNames: ['reason'], registers: [registry] }),
    ageSeconds:
      existing<Histogram>('mindflow_notifier_event_age_seconds') ??
      new Histogram({
        name: 'mindflow_notifier_event_age_seconds',
        help: 'From the event (the command) to its notification on the bus.',
        registers: [registry],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      }),
  };
}
