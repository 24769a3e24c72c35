import { z } from 'zod';
import type { TaskCreatedPayload, TaskUpdatedPayload } from '../task-events.js';
import { CalendarDate, Id, Instant, RecurrenceRule, TimeOfDay } from '../scalars.js';
import { Priority } from '../vocabulary.js';
import { defineUpcaster } from '../upcaster.js';

// TaskCreated and TaskUpdated as first published (schemaVersion 1). Frozen: events of these shapes sit in the
// log forever, so this file is never edited, and it spells its fields out instead of reusing today's ones.
// V1 had no reminder: a task of before issue 14 reminds of nothing.

const taskPlanV1 = {
  title: z.string().min(1),
  description: z.string().nullable(),
  date: CalendarDate,
  dueTime: TimeOfDay.nullable(),
  priority: Priority,
  category: z.string().min(1),
  recurrence: RecurrenceRule.nullable(),
};

export const TaskCreatedV1Payload = z.object({ taskId: Id, ...taskPlanV1, createdAt: Instant });
export type TaskCreatedV1Payload = z.infer<typeof TaskCreatedV1Payload>;

export const TaskFieldV1 = z.enum(['title', 'description', 'date', 'dueTime', 'priority', 'category', 'recurrence']);

export const TaskUpdatedV1Payload = z.object({
  taskId: Id,
  ...taskPlanV1,
  completed: z.boolean(),
  completedAt: Instant.nullable(),
  changedFields: z.array(TaskFieldV1).min(1),
  updatedAt: Instant,
});
export type TaskUpdatedV1Payload = z.infer<typeof TaskUpdatedV1Payload>;

const noReminder = { remindAt: null, reminderMinutesBefore: null } as const;

/** V1 → V2: no reminder. */
export const taskCreatedV1ToV2 = defineUpcaster({
  eventType: 'TaskCreated',
  fromVersion: 1,
  from: TaskCreatedV1Payload,
  upcast(v1): TaskCreatedPayload {
    return { ...v1, ...noReminder };
  },
});

/** V1 → V2: no reminder (so none changed). */
export const taskUpdatedV1ToV2 = defineUpcaster({
  eventType: 'TaskUpdated',
  fromVersion: 1,
  from: TaskUpdatedV1Payload,
  upcast(v1): TaskUpdatedPayload {
    return { ...v1, ...noReminder };
  },
});
