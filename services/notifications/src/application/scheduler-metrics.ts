import { Counter, Histogram, type Registry } from 'prom-client';

/** What the scheduler reports on /metrics. */
export interface SchedulerMetrics {
  /** Notifications fired, by kind (a repeated occurrence, a no-op, is not counted). */
  readonly fired: Counter<'kind'>;
  /** Rows parked because deciding them threw (their key is in the log), by kind. */
  readonly parked: Counter<'kind'>;
  /** Seconds from a row's fire_at to the commit of its notification. */
  readonly lateness: Histogram;
}

export function schedulerMetrics(registry: Registry): SchedulerMetrics {
  const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;
  return {
    fired:
      existing('mindflow_notifications_fired_total') ??
      new Counter({ name: 'mindflow_notifications_fired_total', help: 'Notifications fired by the scheduler', labelNames: ['kind'], registers: [registry] }),
    parked:
      existing('mindflow_notifications_parked_total') ??
      new Counter({ name: 'mindflow_notifications_parked_total', help: 'Scheduled notifications parked a day because deciding them threw', labelNames: ['kind'], registers: [registry] }),
    lateness:
      existing('mindflow_notifications_fire_lateness_seconds') ??
      new Histogram({
        name: 'mindflow_notifications_fire_lateness_seconds',
        help: 'From a scheduled fire time to the commit of its notification',
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60],
        registers: [registry],
      }),
  };
}
