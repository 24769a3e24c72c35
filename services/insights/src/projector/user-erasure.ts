import { acknowledgeInOutbox, eraseOwnedRows, type UserEraser } from '@mindflow/event-log';

/**
 * Every table of the insights DB that holds a user's rows (`user_id`). A new one joins this list:
 * `user-erasure.int.spec.ts` fails while a table with `user_id` is missing from it.
 */
export const insightsUserTables = ['entry_insights', 'pending_analyses', 'claude_usage', 'insights_settings'] as const;

/**
 * What insights erases of a user on `UserErasureRequested`: their insights, queued analyses (the only copy of
 * entry text here), Claude budget and settings, and their dead letters; acknowledged in the insights outbox in
 * the same transaction. An analysis in flight for the user writes nothing once its queued row is gone.
 */
export function insightsUserEraser(projection: string, now: () => Date): UserEraser {
  return {
    service: 'insights',
    erase: (userId, tx) => eraseOwnedRows(tx, userId, projection, insightsUserTables, 'user_id'),
    acknowledge: acknowledgeInOutbox('insights', now),
  };
}
