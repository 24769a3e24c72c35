import type { ReadModel } from '@mindflow/event-log';
import { dayStart, lastOccurrence, utcDay } from '@mindflow/calendar';

/**
 * `tasks_view`: one row per task, soft-deleted rows kept (`deleted_at`) so a late duplicate can never
 * resurrect one. `last_date` is where the series ends, for date-range reads. `task_occurrences_view`: the
 * completed occurrences of recurring tasks. A task's events arrive in version order and touch only its own
 * rows: no shared keys. Created and Updated carry the whole plan, reminders included (V1 events: none), so each
 * sets every column it knows.
 */
export const tasksView: ReadModel = {
  name: 'tasks_view',
  handlers: {
    async TaskCreated(event, tx) {
      const p = event.payload;
      // A rebuild over existing rows starts the task's completed occurrences over too; its later events redo them.
      await tx.query('DELETE FROM task_occurrences_view WHERE task_id = $1', [p.taskId]);
      // ON CONFLICT: a rebuild over existing rows replays the creation onto the row it made before.
      await tx.query(
        `INSERT INTO tasks_view (task_id, owner_id, title, description, date, due_time, priority, category, recurrence, last_date,
                                 completed, completed_at, version, created_at, updated_at, remind_at, reminder_minutes_before)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, NULL, $11, $12, $12, $13, $14)
         ON CONFLICT (task_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, title = EXCLUDED.title, description = EXCLUDED.description,
           date = EXCLUDED.date, due_time = EXCLUDED.due_time, priority = EXCLUDED.priority, category = EXCLUDED.category,
           recurrence = EXCLUDED.recurrence, last_date = EXCLUDED.last_date, completed = false, completed_at = NULL,
           version = EXCLUDED.version, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, deleted_at = NULL,
           remind_at = EXCLUDED.remind_at, reminder_minutes_before = EXCLUDED.reminder_minutes_before`,
        [p.taskId, event.userId, p.title, p.description, p.date, p.dueTime, p.priority, p.category, p.recurrence,
          lastDate(p.date, p.recurrence), event.aggregateVersion, p.createdAt, p.remindAt, p.reminderMinutesBefore],
      );
    },

    async TaskUpdated(event, tx) {
      const p = event.payload;
      await tx.query(
        `UPDATE tasks_view SET title = $2, description = $3, date = $4, due_time = $5, priority = $6, category = $7, recurrence = $8,
           last_date = $9, completed = $10, completed_at = $11, version = $12, updated_at = $13, remind_at = $14, reminder_minutes_before = $15
         WHERE task_id = $1`,
        [p.taskId, p.title, p.description, p.date, p.dueTime, p.priority, p.category, p.recurrence, lastDate(p.date, p.recurrence),
          p.completed, p.completedAt, event.aggregateVersion, p.updatedAt, p.remindAt, p.reminderMinutesBefore],
      );
    },

    // A one-off task (occurrence null; every V1 event) is completed as a whole, on its row. A recurring task
    // is completed one occurrence at a time, a row of task_occurrences_view each, its own row untouched
    // but for the version.
    async TaskCompleted(event, tx) {
      const p = event.payload;
      if (p.occurrence !== null) {
        await tx.query(
          `INSERT INTO task_occurrences_view (task_id, owner_id, occurrence, completed_at)
           SELECT task_id, owner_id, $2, $3 FROM tasks_view WHERE task_id = $1
           ON CONFLICT (task_id, occurrence) DO UPDATE SET completed_at = EXCLUDED.completed_at`,
          [p.taskId, p.occurrence, p.completedAt],
        );
      }
      await tx.query(
        p.occurrence === null
          ? 'UPDATE tasks_view SET completed = true, completed_at = $2, version = $3, updated_at = $2 WHERE task_id = $1'
          : 'UPDATE tasks_view SET version = $3, updated_at = $2 WHERE task_id = $1',
        [p.taskId, p.completedAt, event.aggregateVersion],
      );
    },

    async TaskReopened(event, tx) {
      const p = event.payload;
      if (p.occurrence !== null) {
        await tx.query('DELETE FROM task_occurrences_view WHERE task_id = $1 AND occurrence = $2', [p.taskId, p.occurrence]);
      }
      await tx.query(
        p.occurrence === null
          ? 'UPDATE tasks_view SET completed = false, completed_at = NULL, version = $3, updated_at = $2 WHERE task_id = $1'
          : 'UPDATE tasks_view SET version = $3, updated_at = $2 WHERE task_id = $1',
        [p.taskId, p.reopenedAt, event.aggregateVersion],
      );
    },

    async TaskDeleted(event, tx) {
      const p = event.payload;
      await tx.query('UPDATE tasks_view SET deleted_at = $2, updated_at = $2, version = $3 WHERE task_id = $1', [
        p.taskId,
        p.deletedAt,
        event.aggregateVersion,
      ]);
    },
  },
};

/** The series' last day, `infinity` when the rule has neither COUNT nor UNTIL. */
function lastDate(date: string, recurrence: string | null): string {
  const last = lastOccurrence({ start: dayStart(date), rule: recurrence });
  return last ? utcDay(last) : 'infinity';
}
