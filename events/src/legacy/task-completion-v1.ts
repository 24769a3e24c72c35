import { z } from 'zod';
import type { TaskCompletedPayload, TaskReopenedPayload } from '../task-events.js';
import { Id, Instant } from '../scalars.js';
import { defineUpcaster } from '../upcaster.js';

// TaskCompleted and TaskReopened as first published (schemaVersion 1). Frozen: events of these shapes sit in
// the log forever, so this file is never edited, and it spells its fields out instead of reusing today's ones.
// V1 had no occurrence: a completion was always about the whole task.

export const TaskCompletedV1Payload = z.object({ taskId: Id, completedAt: Instant });
export type TaskCompletedV1Payload = z.infer<typeof TaskCompletedV1Payload>;

export const TaskReopenedV1Payload = z.object({ taskId: Id, reopenedAt: Instant });
export type TaskReopenedV1Payload = z.infer<typeof TaskReopenedV1Payload>;

/** V1 → V2: the whole task, i.e. no occurrence. */
export const taskCompletedV1ToV2 = defineUpcaster({
  eventType: 'TaskCompleted',
  fromVersion: 1,
  from: TaskCompletedV1Payload,
  upcast(v1): TaskCompletedPayload {
    return { taskId: v1.taskId, occurrence: null, completedAt: v1.completedAt };
  },
});

/** V1 → V2: the whole task, i.e. no occurrence. */
export const taskReopenedV1ToV2 = defineUpcaster({
  eventType: 'TaskReopened',
  fromVersion: 1,
  from: TaskReopenedV1Payload,
  upcast(v1): TaskReopenedPayload {
    return { taskId: v1.taskId, occurrence: null, reopenedAt: v1.reopenedAt };
  },
});
