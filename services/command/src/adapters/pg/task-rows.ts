import type { Priority, Task } from '../../domain/task/task.js';
import { saveAggregateRow } from './aggregate-row.js';
import { iso, lockRow, type RowLock, type Tx } from './sql-client.js';

interface TaskRow {
  id: string;
  owner_id: string;
  title: string;
  description: string | null;
  day: string;
  due: string | null;
  priority: Priority;
  category: string;
  rule: string | null;
  remind_at: Date | null;
  reminder_minutes_before: number | null;
  completed_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export async function findTask(tx: Tx, id: string, lock: RowLock): Promise<Task | null> {
  await lockRow(tx, 'tasks', id, lock);
  // Read after the lock (recurrence and completion as the last writer left them); dates and times as
  // text, so no time zone can shift them.
  const { rows } = await tx.query<TaskRow>(
    `SELECT t.id, t.owner_id, t.title, t.description, to_char(t.date, 'YYYY-MM-DD') AS day, to_char(t.due_time, 'HH24:MI') AS due,
            t.priority, t.category, r.rule, t.remind_at, t.reminder_minutes_before, c.completed_at, t.version, t.created_at, t.updated_at, t.deleted_at
       FROM tasks t
       LEFT JOIN task_recurrences r ON r.task_id = t.id
       LEFT JOIN task_completions c ON c.task_id = t.id
      WHERE t.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const occurrences = await tx.query<{ day: string; completed_at: Date }>(
    `SELECT to_char(occurrence, 'YYYY-MM-DD') AS day, completed_at FROM task_occurrence_completions WHERE task_id = $1 ORDER BY occurrence`,
    [id],
  );
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    description: row.description,
    date: row.day,
    dueTime: row.due,
    priority: row.priority,
    category: row.category,
    recurrence: row.rule,
    remindAt: iso(row.remind_at),
    reminderMinutesBefore: row.reminder_minutes_before,
    completed: row.completed_at !== null,
    completedAt: iso(row.completed_at),
    completedOccurrences: Object.fromEntries(occurrences.rows.map((o) => [o.day, iso(o.completed_at)!])),
    version: row.version,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    deletedAt: iso(row.deleted_at),
  };
}

/**
 * Writes the task as it now stands (row, recurrence, completion, completed occurrences): inserts it at
 * version 1, else replaces it.
 */
export async function saveTask(tx: Tx, task: Task): Promise<void> {
  await saveAggregateRow(tx, 'tasks', task, {
    title: task.title,
    description: task.description,
    date: task.date,
    due_time: task.dueTime,
    priority: task.priority,
    category: task.category,
    remind_at: task.remindAt,
    reminder_minutes_before: task.reminderMinutesBefore,
    updated_at: task.updatedAt,
    deleted_at: task.deletedAt,
  });
  await (task.recurrence === null
    ? tx.query('DELETE FROM task_recurrences WHERE task_id = $1', [task.id])
    : tx.query(
        `INSERT INTO task_recurrences (task_id, rule) VALUES ($1, $2) ON CONFLICT (task_id) DO UPDATE SET rule = EXCLUDED.rule`,
        [task.id, task.recurrence],
      ));
  await (task.completedAt === null
    ? tx.query('DELETE FROM task_completions WHERE task_id = $1', [task.id])
    : tx.query(
        `INSERT INTO task_completions (task_id, completed_at) VALUES ($1, $2)
         ON CONFLICT (task_id) DO UPDATE SET completed_at = EXCLUDED.completed_at`,
        [task.id, task.completedAt],
      ));
  const [days, times] = [Object.keys(task.completedOccurrences), Object.values(task.completedOccurrences)];
  await tx.query('DELETE FROM task_occurrence_completions WHERE task_id = $1 AND NOT (occurrence = ANY($2::date[]))', [task.id, days]);
  if (days.length > 0) {
    await tx.query(
      `INSERT INTO task_occurrence_completions (task_id, occurrence, completed_at)
       SELECT $1, day, at FROM unnest($2::date[], $3::timestamptz[]) AS given (day, at)
       ON CONFLICT (task_id, occurrence) DO UPDATE SET completed_at = EXCLUDED.completed_at`,
      [task.id, days, times],
    );
  }
}
