import { authenticated } from '../context.js';
import type { ThoughtResolvers } from '../generated/resolvers-types.js';

export const Thought: ThoughtResolvers = {
  /** `_entities` (search hits, thoughtChanged): null when the thought is not the caller's. */
  __resolveReference(reference, context) {
    return authenticated(context).loaders.thought.load(reference.id);
  },
};
