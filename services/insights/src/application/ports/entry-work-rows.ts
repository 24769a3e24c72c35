import type { PendingAnalysis } from './analysis-store.js';

/** What the insights projection reads and writes, in the transaction the projector applies an event in. */
export interface EntryWorkRows {
  insightsEnabled(userId: string): Promise<boolean>;
  /** The last entry version whose insights were settled (0 for none). */
  settledVersion(entryId: string): Promise<number>;
  /** The first time this entry was queued, if it is still waiting (the debounce's longest wait counts from it). */
  firstQueuedAt(entryId: string): Promise<Date | undefined>;
  /** Queues a version, replacing an older queued one of the same entry (and releasing any lease on it). */
  queue(work: PendingAnalysis, firstQueued: Date, dueAt: Date): Promise<void>;
  /** Forgets the entry's queued work and insights (it was deleted); its progress stays. */
  forget(entryId: string): Promise<void>;
}
