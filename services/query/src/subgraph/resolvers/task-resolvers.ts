import { authenticated } from '../context.js';
import type { TaskResolvers } from '../generated/resolvers-types.js';
import { completedOccurrencesOf } from '../read-model/task-occurrences.js';

export const Task: TaskResolvers = {
  /** `_entities` (search hits, taskChanged): null when the task is not the caller's. */
  __resolveReference(reference, context) {
    return authenticated(context).loaders.task.load(reference.id);
  },
  /**
   * @inaccessible: the account export. One statement per task: only the export asks, a page of tasks at a time,
   * and only for recurring ones (a one-off task's completion is its own `completed`).
   */
  completedOccurrences(task, _args, context) {
    const { caller } = authenticated(context);
    if (task.recurrence === null) return [];
    return completedOccurrencesOf(context.pool, caller.userId, task.id);
  },
};
