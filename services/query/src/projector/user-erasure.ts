import { acknowledgeInOutbox, eraseOwnedRows, type UserEraser } from '@mindflow/event-log';
import { queryProjection } from './query-read-models.js';

/**
 * Every read table of the query projection that holds a user's rows (`owner_id`). A new per-user table joins
 * this list: `user-erasure.int.spec.ts` fails while a table with `owner_id` is missing from it.
 */
export const queryUserTables = [
  'journals_view', 'entries_view', 'thoughts_view', 'tasks_view', 'task_occurrences_view', 'calendar_events_view',
  'tags_view', 'tag_uses', 'entry_sentiments', 'mood_days', 'mood_day_moods', 'read_stamps',
] as const;

/**
 * What the query projection erases of a user on `UserErasureRequested`: every row of theirs in the read DB and
 * their dead letters; it acknowledges with `UserDataErased` in the read DB's own outbox in the same transaction (the
 * query relay publishes it: Kafka distributed, the write DB's outbox embedded; README "Erasure").
 */
export const queryUserEraser: UserEraser = {
  service: 'query',
  erase: (userId, tx) => eraseOwnedRows(tx, userId, queryProjection, queryUserTables),
  acknowledge: acknowledgeInOutbox('query-projector'),
};
