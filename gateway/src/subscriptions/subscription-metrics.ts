import type { Notification } from '@mindflow/notifications';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface SubscriptionMetrics {
  opened(): void;
  closed(): void;
  dropped(): void;
  /** A result went out; `ageSeconds` is the time from the event (the command) to now. */
  delivered(notification: Notification, ageSeconds: number): void;
  connection(change: 1 | -1): void;
  /** A socket closed because its client read too slowly (4008). */
  slowConsumer(): void;
}

export function subscriptionMetrics(registry: Registry): SubscriptionMetrics {
  const active = new Gauge({ name: 'mindflow_gateway_subscriptions_active', help: 'Subscriptions running on this gateway.', registers: [registry] });
  const connections = new Gauge({ name: 'mindflow_gateway_websocket_connections', help: 'Acknowledged graphql-ws connections.', registers: [registry] });
  const delivered = new Counter({ name: 'mindflow_gateway_subscription_deliveries_total', help: 'Subscription results sent.', labelNames: ['subject'], registers: [registry] });
  const dropped = new Counter({ name: 'mindflow_gateway_subscription_dropped_total', help: 'Notifications dropped for a slow subscriber.', registers: [registry] });
  const slow = new Counter({ name: 'mindflow_gateway_websocket_slow_consumer_closes_total', help: 'WebSockets closed with 4008: more than GATEWAY_WS_MAX_BUFFERED_BYTES waited to be sent.', registers: [registry] });
  const latency = new Histogram({
    name: 'mindflow_gateway_subscription_delivery_seconds',
    help: 'From the event (the command that caused it) to the subscription result, resolved through the supergraph.',
    registers: [registry],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  return {
    opened: () => active.inc(),
    closed: () => active.dec(),
    dropped: () => dropped.inc(),
    delivered(notification, ageSeconds) {
      delivered.inc({ subject: notification.subject });
      latency.observe(Math.max(0, ageSeconds));
    },
    connection: (change) => connections.inc(change),
    slowConsumer: () => slow.inc(),
  };
}
