import type { TaskPlan } from './task.js';

/**
 * The facts about a task, past tense. `data` is the published payload (`@mindflow/events`), plus the
 * owner on creation, which travels as the envelope's `userId`.
 */
export type TaskEvent = TaskCreated | TaskUpdated | TaskCompleted | TaskReopened | TaskDeleted;

export interface TaskCreated {
  readonly type: 'TaskCreated';
  readonly data: TaskPlan & { readonly taskId: string; readonly ownerId: string; readonly createdAt: string };
}

export type TaskField = keyof TaskPlan;

/** The whole new plan, the completion it leaves as it was, and which plan fields changed (never none). */
export interface TaskUpdated {
  readonly type: 'TaskUpdated';
  readonly data: TaskPlan & {
    readonly taskId: string;
    readonly completed: boolean;
    readonly completedAt: string | null;
    readonly changedFields: readonly TaskField[];
    readonly updatedAt: string;
  };
}

/** `occurrence`: the day of one occurrence of a recurring task, or null for a one-off task as a whole. */
export interface TaskCompleted {
  readonly type: 'TaskCompleted';
  readonly data: { readonly taskId: string; readonly occurrence: string | null; readonly completedAt: string };
}

export interface TaskReopened {
  readonly type: 'TaskReopened';
  readonly data: { readonly taskId: string; readonly occurrence: string | null; readonly reopenedAt: string };
}

export interface TaskDeleted {
  readonly type: 'TaskDeleted';
  readonly data: { readonly taskId: string; readonly deletedAt: string };
}
