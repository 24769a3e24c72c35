import { authenticated, type SubgraphContext } from '../context.js';

export const Thought = {
  /** `_entities` (search hits): null when the thought is not the caller's. */
  __resolveReference(reference: { id: string }, context: SubgraphContext) {
    return authenticated(context).loaders.thought.load(reference.id);
  },
};
