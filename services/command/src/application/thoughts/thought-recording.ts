import { evolveThought } from '../../domain/thought/evolve-thought.js';
import type { Thought } from '../../domain/thought/thought.js';
import type { ThoughtEvent } from '../../domain/thought/thought-events.js';
import { tagsPutOn } from '../../domain/tag/decide-tags.js';
import type { AggregateRecording, Recorded } from '../record-facts.js';
import { thoughtEnvelope } from './thought-envelope.js';

export const thoughtRecording: AggregateRecording<Thought, ThoughtEvent> = {
  name: 'thought',
  evolve: evolveThought,
  envelope: thoughtEnvelope,
  rows: (tx) => tx.thoughts,
  tagsOf: tagsPutOn,
};

export type ThoughtWritten = Recorded<Thought>;
