// The port to whatever writes a premium user's weekly reflection in words (Claude, `claude-reflection-writer.ts`):
// it gets the week's entries and the local composition (counts and the mood per day stay the data's own) and
// answers the themes, the highlights and the summary. A failure (breaker open, retries spent, a reply that is not
// the schema) throws; the caller falls back to the local composition.
import type { ComposedReflection, ReflectionEntry } from './compose-reflection.js';

export interface WrittenReflection {
  /** The reflection in words: the week's mood trend, then a few sentences to the writer. */
  readonly summary: string;
  readonly themes: string[];
  /** Entries worth rereading, among the week's, best first. */
  readonly highlightIds: string[];
}

export interface ReflectionWriter {
  /** What `generatedBy` says (the model). */
  readonly name: string;
  write(input: { readonly weekStart: string; readonly entries: readonly ReflectionEntry[]; readonly local: ComposedReflection }): Promise<WrittenReflection>;
}
