import { PgChannelListener } from '@mindflow/db';

/** The channel `0002-schedule-wakeup.sql` notifies when a row becomes due within the scheduler's longest sleep. */
export const scheduleChannel = 'notifications_schedule';

/** Listens for the schedule's wake-ups on a dedicated connection; `listen` (re)connects at most once per second. */
export function scheduleWakeups(url: string, onWake: () => void, onError: (error: unknown) => void): { listen(): Promise<boolean>; close(): Promise<void> } {
  const listener = new PgChannelListener({ url, channel: scheduleChannel, applicationName: 'notifications-scheduler', onNotification: onWake, onError });
  return { listen: () => listener.listen({ eager: false }), close: () => listener.close() };
}
