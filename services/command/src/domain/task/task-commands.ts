/** What a caller may ask of tasks, imperative. */
export type TaskCommand = CreateTask | UpdateTask | CompleteTask | ReopenTask | DeleteTask;

/** The plan as the caller gives it: unset priority and category take their defaults. */
export interface TaskFields {
  readonly title: string;
  readonly description?: string | null;
  readonly date: string;
  readonly dueTime?: string | null;
  readonly priority?: string | null;
  readonly category?: string | null;
  readonly recurrence?: string | null;
  readonly remindAt?: string | null;
  readonly reminderMinutesBefore?: number | null;
}

export interface CreateTask {
  readonly type: 'CreateTask';
  readonly data: TaskFields & { readonly ownerId: string };
}

/** Absent fields stay as they are; `null` clears an optional one (description, dueTime, recurrence, the reminders). */
export interface UpdateTask {
  readonly type: 'UpdateTask';
  readonly data: Partial<TaskFields> & { readonly taskId: string; readonly callerId: string; readonly expectedVersion: number };
}

/**
 * Completing a completed task (or occurrence) is no change (and no fact); so is reopening an open one.
 * `occurrence` (a day of the series) is required for a recurring task; a one-off task may name its date.
 */
export interface CompleteTask {
  readonly type: 'CompleteTask';
  readonly data: { readonly taskId: string; readonly callerId: string; readonly occurrence?: string | null };
}

export interface ReopenTask {
  readonly type: 'ReopenTask';
  readonly data: { readonly taskId: string; readonly callerId: string; readonly occurrence?: string | null };
}

export interface DeleteTask {
  readonly type: 'DeleteTask';
  readonly data: { readonly taskId: string; readonly callerId: string };
}
