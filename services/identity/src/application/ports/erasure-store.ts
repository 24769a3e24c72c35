import type { ErasingService } from '@mindflow/events';

/** An erasure as the saga and the operators' report see it. */
export interface ErasureRecord {
  readonly userId: string;
  readonly requestedAt: Date;
  /** The user aggregate's version of the latest UserErasureRequested. */
  readonly userVersion: number;
  readonly attempt: number;
  readonly lastAttemptAt: Date;
  readonly keyDestroyedAt: Date | null;
  readonly completedAt: Date | null;
  readonly receipts: readonly ErasureReceipt[];
}

export interface ErasureReceipt {
  readonly service: ErasingService;
  readonly acknowledgedAt: Date | null;
  readonly attempt: number | null;
  /** What the service erased, by store (counts). */
  readonly erased: Readonly<Record<string, number>> | null;
}

/** The erasure writes that commit with deleteAccount's other rows. */
export interface ErasureWrites {
  begin(erasure: { userId: string; at: Date; userVersion: number; services: readonly ErasingService[] }): Promise<void>;
  /** The erasure, locked until commit (the saga's retry and a receipt do not cross). */
  lock(userId: string): Promise<ErasureRecord | null>;
  /** Records a new attempt (its version of the user aggregate). */
  retried(userId: string, attempt: number, userVersion: number, at: Date): Promise<void>;
  /** Records a service's acknowledgement; false when it was already recorded (a repeated one). */
  acknowledge(receipt: { userId: string; service: ErasingService; attempt: number; at: Date; erased: Record<string, number> }): Promise<boolean>;
  /** Marks the erasure complete when every service acknowledged and the key is gone; true when it did now. */
  completeIfDone(userId: string, at: Date): Promise<boolean>;
}

/** Reads and writes of erasures outside deleteAccount's transaction. */
export interface ErasureReads {
  find(userId: string): Promise<ErasureRecord | null>;
  /**
   * Open erasures with a service still silent whose retry is due at `now`: the n-th attempt waits
   * `retryAfterMs * 2^(n-1)`, at most `maxRetryAfterMs` (retries bounded in rate), oldest first.
   */
  due(now: Date, retryAfterMs: number, maxRetryAfterMs: number, limit: number): Promise<string[]>;
  /** Open erasures whose key is not destroyed yet. */
  keysToDestroy(limit: number): Promise<string[]>;
  keyDestroyed(userId: string, at: Date): Promise<void>;
  /** The operators' report: the latest erasures, newest first. */
  latest(limit: number): Promise<ErasureRecord[]>;
}
