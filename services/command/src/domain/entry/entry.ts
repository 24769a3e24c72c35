/** A journal entry as the write side knows it. Instants are ISO-8601 strings. */
export interface Entry {
  readonly id: string;
  readonly journalId: string;
  readonly ownerId: string;
  readonly title: string | null;
  readonly content: string;
  readonly mood: Mood | null;
  readonly tags: readonly string[];
  readonly weather: string | null;
  readonly location: string | null;
  readonly wordCount: number;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

export const moods = ['GREAT', 'GOOD', 'OKAY', 'LOW', 'BAD', 'STRESSED', 'ANXIOUS', 'CALM', 'GRATEFUL'] as const;
export type Mood = (typeof moods)[number];

/** Limits the write DB's CHECK constraints repeat, so a refusal is a field error, not a failed insert. */
export const entryLimits = { title: 200, content: 100_000, weather: 100, location: 200 } as const;
