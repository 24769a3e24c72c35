/** A journal as the write side knows it. Instants are ISO-8601 strings. */
export interface Journal {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  readonly description: string | null;
  readonly color: string | null;
  readonly icon: string | null;
  readonly isPrivate: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

/** A journal that was never created is `null`; a deleted one keeps its row with `deletedAt` set. */
export type JournalState = Journal | null;

/** Which plan the caller is on: the free plan keeps at most `freePlanJournalLimit` live journals. */
export type Plan = 'free' | 'premium';
export const freePlanJournalLimit = 5;

export const journalLimits = { name: 100, description: 1000, icon: 50 } as const;
