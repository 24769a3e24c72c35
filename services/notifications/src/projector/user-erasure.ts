import { acknowledgeInOutbox, eraseOwnedRows, type UserEraser } from '@mindflow/event-log';

/**
 * Every table of the notifications DB that holds a user's rows (`user_id`); deliveries (emails and webhook
 * calls queued or sent) go with their notification or webhook (ON DELETE CASCADE). A new one joins this list:
 * `user-erasure.int.spec.ts` fails while a table with `user_id` is missing from it.
 */
export const notificationsUserTables = [
  'notifications', 'webhooks', 'scheduled_notifications', 'task_reminders', 'reflection_entries', 'reflection_insights', 'weekly_reflections',
  'notification_preferences', 'notification_recipients', 'reflection_authors', 'reflection_claude_usage',
  'reflection_insights_settings', 'prepared_firings',
] as const;

/**
 * What notifications erases of a user on `UserErasureRequested`: the notification centre, queued emails and
 * webhook deliveries, webhooks, reminders and their schedule, reflections, preferences and their address; and
 * their dead letters. Acknowledged in the notifications outbox in the same transaction.
 */
export function notificationsUserEraser(projection: string, now: () => Date): UserEraser {
  return {
    service: 'notifications',
    erase: (userId, tx) => eraseOwnedRows(tx, userId, projection, notificationsUserTables, 'user_id'),
    acknowledge: acknowledgeInOutbox('notifications', now),
  };
}
