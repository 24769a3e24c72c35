import type { ThoughtEvent } from './thought-events.js';
import type { Thought } from './thought.js';

/** The thought after one more fact; each event raises the version by exactly one. */
export function evolveThought(state: Thought | null, event: ThoughtEvent): Thought | null {
  switch (event.type) {
    case 'ThoughtCaptured': {
      const { thoughtId, capturedAt, ...fields } = event.data;
      return { id: thoughtId, ...fields, version: 1, createdAt: capturedAt, updatedAt: capturedAt, deletedAt: null };
    }
    case 'ThoughtUpdated': {
      if (!state) return state;
      const { text, tags, updatedAt } = event.data;
      return { ...state, text, tags, version: state.version + 1, updatedAt };
    }
    case 'ThoughtDeleted':
      if (!state) return state;
      return { ...state, version: state.version + 1, updatedAt: event.data.deletedAt, deletedAt: event.data.deletedAt };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled thought event ${JSON.stringify(unhandled)}`);
    }
  }
}
