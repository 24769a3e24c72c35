import type { ReadModel } from '@mindflow/event-log';
import { dayStart, lastOccurrence, utcDay } from '../recurrence/occurrences.js';

/**
 * `tasks_view`: one row per task, soft-deleted rows kept (`deleted_at`) so a late duplicate can never
 * resurrect one. `last_date` is where the series ends, for date-range reads. A task's events arrive in
 * version order and touch only its own row: no shared keys.
 */
export const tasksView: ReadModel = {
  name: 'tasks_view',
  handlers: {
    async TaskCreated(event, tx) {
      const p = event.payload;
      // ON CONFLICT: a rebuild over existing rows replays the creation onto the row it made before.
      await tx.query(
        `INSERT INTO tasks_view (task_id, owner_id, title, description, date, due_time, priority, category, recurrence, last_date,
                                 completed, completed_at, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, NULL, $11, $12, $12)
         ON CONFLICT (task_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, title = EXCLUDED.title, description = EXCLUDED.description,
           date = EXCLUDED.date, due_time = EXCLUDED.due_time, priority = EXCLUDED.priority, category = EXCLUDED.category,
           recurrence = EXCLUDED.recurrence, last_date = EXCLUDED.last_date, completed = false, completed_at = NULL,
           version = EXCLUDED.version, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, deleted_at = NULL`,
        [p.taskId, event.userId, p.title, p.description, p.date, p.dueTime, p.priority, p.category, p.recurrence,
          lastDate(p.date, p.recurrence), event.aggregateVersion, p.createdAt],
      );
    },

    async TaskUpdated(event, tx) {
      const p = event.payload;
      await tx.query(
        `UPDATE tasks_view SET title = $2, description = $3, date = $4, due_time = $5, priority = $6, category = $7, recurrence = $8,
           last_date = $9, completed = $10, completed_at = $11, version = $12, updated_at = $13
         WHERE task_id = $1`,
        [p.taskId, p.title, p.description, p.date, p.dueTime, p.priority, p.category, p.recurrence, lastDate(p.date, p.recurrence),
          p.completed, p.completedAt, event.aggregateVersion, p.updatedAt],
      );
    },

    async TaskCompleted(event, tx) {
      const p = event.payload;
      await tx.query('UPDATE tasks_view SET completed = true, completed_at = $2, version = $3, updated_at = $2 WHERE task_id = $1', [
        p.taskId,
        p.completedAt,
        event.aggregateVersion,
      ]);
    },

    async TaskReopened(event, tx) {
      const p = event.payload;
      await tx.query('UPDATE tasks_view SET completed = false, completed_at = NULL, version = $3, updated_at = $2 WHERE task_id = $1', [
        p.taskId,
        p.reopenedAt,
        event.aggregateVersion,
      ]);
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
