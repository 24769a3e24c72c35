import { authenticated, type SubgraphContext } from '../context.js';

export const Task = {
  /** `_entities` (search hits, taskChanged): null when the task is not the caller's. */
  __resolveReference(reference: { id: string }, context: SubgraphContext) {
    return authenticated(context).loaders.task.load(reference.id);
  },
};
