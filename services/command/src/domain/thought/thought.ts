/** A thought as the write side knows it: a quick note with tags. Instants are ISO-8601 strings. */
export interface Thought {
  readonly id: string;
  readonly ownerId: string;
  readonly text: string;
  readonly tags: readonly string[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

/** A thought is quick: a few paragraphs at most (the write DB repeats the limit). */
export const thoughtLimits = { text: 5_000 } as const;
