import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { personal } from './privacy/personal.js';
import { CalendarDate, Id, Instant, RecurrenceRule, TimeOfDay } from './scalars.js';
import { Priority } from './vocabulary.js';

// Aggregate: task (aggregateId = taskId).
// V2 (issue 14) added the reminder (`remindAt`, `reminderMinutesBefore`) to TaskCreated and TaskUpdated; V1
// events read as "no reminder" (`legacy/task-plan-v1.ts`).

/** The furthest ahead a reminder may come before its occurrence: a week, in minutes. */
export const reminderMinutesLimit = 10_080;

// What a user edits on a task; completion changes only through TaskCompleted / TaskReopened.
const taskPlan = {
  title: personal(z.string().min(1)),
  description: personal(z.string().nullable()),
  date: CalendarDate,
  dueTime: TimeOfDay.nullable(),
  priority: Priority,
  category: personal(z.string().min(1)),
  recurrence: RecurrenceRule.nullable(),
  /** A one-off reminder at this instant (any task); null: none. */
  remindAt: Instant.nullable(),
  /**
   * A reminder this many minutes before each occurrence's date + dueTime (09:00 when the task has no dueTime)
   * in the owner's time zone, recurring tasks included; null: none. At most a week (10080) before.
   */
  reminderMinutesBefore: z.number().int().min(0).max(reminderMinutesLimit).nullable(),
};

export const TaskCreatedPayload = z.object({ taskId: Id, ...taskPlan, createdAt: Instant });
export type TaskCreatedPayload = z.infer<typeof TaskCreatedPayload>;

export const TaskField = z.enum(['title', 'description', 'date', 'dueTime', 'priority', 'category', 'recurrence', 'remindAt', 'reminderMinutesBefore']);
export type TaskField = z.infer<typeof TaskField>;

/**
 * The task's full state after the change, completion included (unchanged by this event) so a read model
 * can apply it without the previous events.
 */
export const TaskUpdatedPayload = z.object({
  taskId: Id,
  ...taskPlan,
  completed: z.boolean(),
  completedAt: Instant.nullable(),
  changedFields: z.array(TaskField).min(1),
  updatedAt: Instant,
});
export type TaskUpdatedPayload = z.infer<typeof TaskUpdatedPayload>;

/**
 * Which occurrence a completion is about: the date of one occurrence of a recurring task, or null for the
 * whole of a one-off task. (V1 had no such field and always meant the whole task: `legacy/task-completion-v1.ts`.)
 */
const occurrence = CalendarDate.nullable();

export const TaskCompletedPayload = z.object({ taskId: Id, occurrence, completedAt: Instant });
export type TaskCompletedPayload = z.infer<typeof TaskCompletedPayload>;

export const TaskReopenedPayload = z.object({ taskId: Id, occurrence, reopenedAt: Instant });
export type TaskReopenedPayload = z.infer<typeof TaskReopenedPayload>;

export const TaskDeletedPayload = z.object({ taskId: Id, deletedAt: Instant });
export type TaskDeletedPayload = z.infer<typeof TaskDeletedPayload>;

export const taskEvents = {
  TaskCreated: defineEvent(TaskCreatedPayload, { schemaVersion: 2, aggregateIdOf: (p) => p.taskId }),
  TaskUpdated: defineEvent(TaskUpdatedPayload, { schemaVersion: 2, aggregateIdOf: (p) => p.taskId }),
  TaskCompleted: defineEvent(TaskCompletedPayload, { schemaVersion: 2, aggregateIdOf: (p) => p.taskId }),
  TaskReopened: defineEvent(TaskReopenedPayload, { schemaVersion: 2, aggregateIdOf: (p) => p.taskId }),
  TaskDeleted: defineEvent(TaskDeletedPayload, { aggregateIdOf: (p) => p.taskId }),
};
