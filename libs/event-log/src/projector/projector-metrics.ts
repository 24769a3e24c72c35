import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { DeadLetterReason } from '../dead-letter.js';
import type { LagReading } from './lag-monitor.js';

/** The projector's Prometheus series, labelled by projection; shared when several projectors use one registry. */
export interface ProjectorMetrics {
  readonly applied: Counter<'projection'>;
  readonly duplicates: Counter<'projection'>;
  readonly failures: Counter<'projection' | 'reason'>;
  readonly parked: Counter<'projection' | 'reason'>;
  readonly lag: Gauge<'projection'>;
  readonly lagMs: Gauge<'projection'>;
  readonly transactionSeconds: Histogram<'projection'>;
}

export type FailureReason = 'gap' | 'transient' | 'error';
export type ParkReason = DeadLetterReason;

const lagSources = new WeakMap<Registry, Map<string, (maxAgeMs: number) => Promise<LagReading>>>();

export function projectorMetrics(registry: Registry): ProjectorMetrics {
  const existing = (name: string) => registry.getSingleMetric(name);
  const sources = lagSources.get(registry) ?? new Map<string, (maxAgeMs: number) => Promise<LagReading>>();
  lagSources.set(registry, sources);
  // Measured on scrape (one question to the log serves both gauges): cheap at scrape intervals, never stale.
  const readings = async (set: (projection: string, reading: LagReading) => void) => {
    await Promise.all([...sources].map(async ([projection, measure]) => {
      const reading = await measure(1_000).catch(() => undefined);
      if (reading) set(projection, reading);
    }));
  };
  return {
    applied: (existing('mindflow_projector_events_applied_total') as Counter<'projection'>) ??
      new Counter({ name: 'mindflow_projector_events_applied_total', help: 'Events applied to a projection (its version advanced).', labelNames: ['projection'], registers: [registry] }),
    duplicates: (existing('mindflow_projector_duplicates_skipped_total') as Counter<'projection'>) ??
      new Counter({ name: 'mindflow_projector_duplicates_skipped_total', help: 'Redelivered events skipped because their version was already applied.', labelNames: ['projection'], registers: [registry] }),
    failures: (existing('mindflow_projector_failures_total') as Counter<'projection' | 'reason'>) ??
      new Counter({ name: 'mindflow_projector_failures_total', help: 'Events that failed alone, retried with backoff (reason: gap, transient or error; an error is parked after N attempts).', labelNames: ['projection', 'reason'], registers: [registry] }),
    parked: (existing('mindflow_projector_events_parked_total') as Counter<'projection' | 'reason'>) ??
      new Counter({ name: 'mindflow_projector_events_parked_total', help: 'Events parked as dead letters (reason: poison, held behind a parked event of their aggregate, unreadable).', labelNames: ['projection', 'reason'], registers: [registry] }),
    lag: (existing('mindflow_projector_lag_events') as Gauge<'projection'>) ??
      new Gauge({
        name: 'mindflow_projector_lag_events',
        help: 'Events in the log not yet committed by the projection (log end - committed).',
        labelNames: ['projection'],
        registers: [registry],
        async collect() {
          await readings((projection, reading) => this.set({ projection }, reading.events));
        },
      }),
    lagMs: (existing('mindflow_projector_lag_ms') as Gauge<'projection'>) ??
      new Gauge({
        name: 'mindflow_projector_lag_ms',
        help: 'How far behind the projection is in time: now - occurredAt of the newest event it finished (0 when nothing waits).',
        labelNames: ['projection'],
        registers: [registry],
        async collect() {
          await readings((projection, reading) => reading.ms !== undefined && this.set({ projection }, reading.ms));
        },
      }),
    transactionSeconds: (existing('mindflow_projector_transaction_seconds') as Histogram<'projection'>) ??
      new Histogram({ name: 'mindflow_projector_transaction_seconds', help: 'Duration of one projection transaction (a chunk of a batch).', labelNames: ['projection'], registers: [registry], buckets: [0.001, 0.005, 0.02, 0.05, 0.1, 0.25, 1, 5] }),
  };
}

/** Registers where the lag gauges read a projection's lag from; returns the unregister function. */
export function trackLag(registry: Registry, projection: string, measure: (maxAgeMs: number) => Promise<LagReading>): () => void {
  projectorMetrics(registry);
  const sources = lagSources.get(registry)!;
  sources.set(projection, measure);
  return () => sources.delete(projection);
}
