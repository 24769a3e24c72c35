import { authenticated } from '../context.js';
import type { TaskResolvers } from '../generated/resolvers-types.js';

export const Task: TaskResolvers = {
  /** `_entities` (search hits, taskChanged): null when the task is not the caller's. */
  __resolveReference(reference, context) {
    return authenticated(context).loaders.task.load(reference.id);
  },
};
