import { changed, created, softDeleted } from '../shared/evolve-steps.js';
import type { ThoughtEvent } from './thought-events.js';
import type { Thought } from './thought.js';

/** The thought after one more fact; each event raises the version by exactly one. */
export function evolveThought(state: Thought | null, event: ThoughtEvent): Thought | null {
  switch (event.type) {
    case 'ThoughtCaptured': {
      const { thoughtId, capturedAt, ...fields } = event.data;
      return created(thoughtId, fields, capturedAt);
    }
    case 'ThoughtUpdated': {
      const { text, tags, updatedAt } = event.data;
      return state && changed(state, updatedAt, { text, tags });
    }
    case 'ThoughtDeleted':
      return state && softDeleted(state, event.data.deletedAt);
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled thought event ${JSON.stringify(unhandled)}`);
    }
  }
}
