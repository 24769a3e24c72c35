import { Counter, type Registry } from 'prom-client';

/** What the delivery worker reports on /metrics. */
export interface DeliveryMetrics {
  /**
   * Delivery outcomes by channel (`EMAIL`, `WEBHOOK`) and outcome: `sent`, `failed` (given up),
   * `retried` (an attempt failed, another is scheduled), `skipped` (ended untried: unsubscribed, webhook gone).
   */
  readonly deliveries: Counter<'channel' | 'outcome'>;
  /** Webhooks disabled after too many consecutive failures. */
  readonly webhooksDisabled: Counter;
}

export function deliveryMetrics(registry: Registry): DeliveryMetrics {
  const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;
  return {
    deliveries:
      existing('mindflow_notifications_deliveries_total') ??
      new Counter({ name: 'mindflow_notifications_deliveries_total', help: 'Notification delivery outcomes per channel', labelNames: ['channel', 'outcome'], registers: [registry] }),
    webhooksDisabled:
      existing('mindflow_notifications_webhooks_disabled_total') ??
      new Counter({ name: 'mindflow_notifications_webhooks_disabled_total', help: 'Webhooks disabled after consecutive failures', registers: [registry] }),
  };
}
