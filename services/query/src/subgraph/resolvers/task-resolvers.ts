import { authenticated } from '../context.js';
import type { TaskResolvers } from '../generated/resolvers-types.js';

export const Task: TaskResolvers = {
  /** `_entities` (search hits, taskChanged): null when the task is not the caller's. */
  __resolveReference(reference, context) {
    return authenticated(context).loaders.task.load(reference.id);
  },
  /**
   * @inaccessible: the account export, a page of tasks at a time: the recurring ones' completions in one statement
   * (the loader; a one-off task's completion is its own `completed`).
   */
  completedOccurrences(task, _args, context) {
    if (task.recurrence === null) return [];
    return authenticated(context).loaders.completedOccurrences.load(task.id);
  },
};
