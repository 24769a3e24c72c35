import type { AnyEvent } from '@mindflow/events';
import type { ReadModel } from '@mindflow/event-log';
import { scheduleTask, taskScheduleKey, userScheduleKey } from '../adapters/pg/task-schedule.js';

/**
 * The reminder fields of a TaskCreated / TaskUpdated payload, read defensively: events written before the
 * reminder existed (V1, upcast) have none, and that means no reminder.
 */
function reminderOf(payload: object): { remindAt: string | null; minutesBefore: number | null } {
  const fields = payload as { remindAt?: string | null; reminderMinutesBefore?: number | null };
  return { remindAt: fields.remindAt ?? null, minutesBefore: fields.reminderMinutesBefore ?? null };
}

const isTaskEvent = (event: AnyEvent) => event.aggregateType === 'task';

/**
 * `task_reminders`: every live task's reminder plan (title, date, dueTime, recurrence, remindAt, minutes before,
 * completion: the whole task, or the completed occurrences of a recurring one). Every task has a row, not only
 * those with a reminder: a reminder set later must know the occurrences completed before it. A deleted task's
 * row goes. After each event the task's `task:<taskId>` row of `scheduled_notifications` is recomputed from its
 * plan in the owner's time zone (`scheduleTask`), from the event's time: a replay computes the same rows.
 * Each task event locks its owner's schedule (`sharedKeys`), as rescheduleUser does.
 */
export const taskReminders: ReadModel = {
  name: 'task_reminders',
  sharedKeys: (event) => (isTaskEvent(event) ? [userScheduleKey(event.userId)] : []),
  handlers: {
    async TaskCreated(event, tx) {
      const p = event.payload;
      const reminder = reminderOf(p);
      // ON CONFLICT: a replay over existing rows starts the task's completions over; its later events redo them.
      await tx.query(
        `INSERT INTO task_reminders (task_id, user_id, title, date, due_time, recurrence, remind_at, minutes_before, completed, completed_occurrences)
         VALUES ($1, $2, $3, $4, $5, to_jsonb($6::text), $7, $8, false, '{}')
         ON CONFLICT (task_id) DO UPDATE SET user_id = EXCLUDED.user_id, title = EXCLUDED.title, date = EXCLUDED.date,
           due_time = EXCLUDED.due_time, recurrence = EXCLUDED.recurrence, remind_at = EXCLUDED.remind_at,
           minutes_before = EXCLUDED.minutes_before, completed = false, completed_occurrences = '{}'`,
        [p.taskId, event.userId, p.title, p.date, p.dueTime, p.recurrence, reminder.remindAt, reminder.minutesBefore],
      );
      await scheduleTask(tx, p.taskId, new Date(event.occurredAt));
    },

    // The task's full state (completion of the whole task included); the completed occurrences stay.
    async TaskUpdated(event, tx) {
      const p = event.payload;
      const reminder = reminderOf(p);
      await tx.query(
        `INSERT INTO task_reminders (task_id, user_id, title, date, due_time, recurrence, remind_at, minutes_before, completed)
         VALUES ($1, $2, $3, $4, $5, to_jsonb($6::text), $7, $8, $9)
         ON CONFLICT (task_id) DO UPDATE SET title = EXCLUDED.title, date = EXCLUDED.date, due_time = EXCLUDED.due_time,
           recurrence = EXCLUDED.recurrence, remind_at = EXCLUDED.remind_at, minutes_before = EXCLUDED.minutes_before,
           completed = EXCLUDED.completed`,
        [p.taskId, event.userId, p.title, p.date, p.dueTime, p.recurrence, reminder.remindAt, reminder.minutesBefore, p.completed],
      );
      await scheduleTask(tx, p.taskId, new Date(event.occurredAt));
    },

    // A one-off task (occurrence null; every V1 event) is completed as a whole; a recurring task one occurrence
    // at a time. The set is kept sorted and without repeats, so any replay ends with the same array.
    async TaskCompleted(event, tx) {
      const p = event.payload;
      await tx.query(
        p.occurrence === null
          ? 'UPDATE task_reminders SET completed = true WHERE task_id = $1'
          : `UPDATE task_reminders SET completed_occurrences =
               ARRAY(SELECT DISTINCT d FROM unnest(completed_occurrences || $2::date) AS d ORDER BY d)
             WHERE task_id = $1`,
        p.occurrence === null ? [p.taskId] : [p.taskId, p.occurrence],
      );
      await scheduleTask(tx, p.taskId, new Date(event.occurredAt));
    },

    async TaskReopened(event, tx) {
      const p = event.payload;
      await tx.query(
        p.occurrence === null
          ? 'UPDATE task_reminders SET completed = false WHERE task_id = $1'
          : 'UPDATE task_reminders SET completed_occurrences = array_remove(completed_occurrences, $2::date) WHERE task_id = $1',
        p.occurrence === null ? [p.taskId] : [p.taskId, p.occurrence],
      );
      await scheduleTask(tx, p.taskId, new Date(event.occurredAt));
    },

    async TaskDeleted(event, tx) {
      const { taskId } = event.payload;
      await tx.query('DELETE FROM task_reminders WHERE task_id = $1', [taskId]);
      await tx.query('DELETE FROM scheduled_notifications WHERE key = $1', [taskScheduleKey(taskId)]);
    },
  },
};
