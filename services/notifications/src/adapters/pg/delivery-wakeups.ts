import { PgChannelListener } from '@mindflow/db';
import type { DeliveryWakeups } from '../../application/ports/delivery-wakeups.js';

/** The channel `0004-delivery-wakeup.sql` notifies when deliveries are queued. */
export const deliveryChannel = 'notification_deliveries';

/** Listens for queued deliveries on a dedicated connection; `listen` (re)connects at most once per second. */
export function pgDeliveryWakeups(url: string, onWake: () => void, onError: (error: unknown) => void): DeliveryWakeups & { close(): Promise<void> } {
  const listener = new PgChannelListener({ url, channel: deliveryChannel, applicationName: 'notifications-delivery', onNotification: onWake, onError });
  return { listen: () => listener.listen({ eager: false }), close: () => listener.close() };
}
