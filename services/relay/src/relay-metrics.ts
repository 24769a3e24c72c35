import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface RelayMetrics {
  readonly published: Counter<'aggregate_type'>;
  readonly publishLagMs: Histogram;
  readonly outboxDepth: Gauge;
  readonly leader: Gauge;
  readonly failures: Counter;
}

/**
 * What an operator watches: how many events went out, how late (commit → Kafka ack), how many wait in the
 * outbox, and whether this replica leads. `depth` is measured on scrape, by `measureDepth`.
 */
export function relayMetrics(registry: Registry, measureDepth: () => Promise<number>): RelayMetrics {
  return {
    published: new Counter({
      name: 'mindflow_relay_events_published_total',
      help: 'Outbox events acknowledged by Kafka',
      labelNames: ['aggregate_type'],
      registers: [registry],
    }),
    publishLagMs: new Histogram({
      name: 'mindflow_relay_publish_lag_ms',
      help: 'Time from an event occurring to its Kafka acknowledgement, in milliseconds',
      buckets: [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000],
      registers: [registry],
    }),
    outboxDepth: new Gauge({
      name: 'mindflow_relay_outbox_depth',
      help: 'Outbox rows after the relay checkpoint (committed or not yet readable)',
      registers: [registry],
      async collect() {
        this.set(await measureDepth().catch(() => -1));
      },
    }),
    leader: new Gauge({ name: 'mindflow_relay_leader', help: '1 while this replica holds the relay lock', registers: [registry] }),
    failures: new Counter({ name: 'mindflow_relay_failures_total', help: 'Batches that failed and will be retried', registers: [registry] }),
  };
}
