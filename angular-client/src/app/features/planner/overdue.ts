import { wallClock } from './zoned-time';

/** What decides whether a task (or one occurrence of a recurring task) is overdue. */
export interface DueTask {
  readonly date: string;
  readonly dueTime?: string | null | undefined;
  readonly completed: boolean;
  /** The occurrence's day for a recurring task (its `date` is then the same day). */
  readonly occurrence?: string | null | undefined;
}

/**
 * When a task is due, on the wall clock of the user's time zone (`YYYY-MM-DDTHH:MM`): its day at its due time,
 * or the end of its day when it has none. Each occurrence of a recurring task is due on its own day.
 */
export function dueAt(task: DueTask): string {
  return `${task.occurrence ?? task.date}T${task.dueTime || '24:00'}`;
}

/** Due before `now` and not completed (each occurrence of a recurring task on its own). */
export function isOverdue(task: DueTask, now: Date, timeZone: string): boolean {
  return !task.completed && dueAt(task) <= wallClock(now, timeZone);
}
