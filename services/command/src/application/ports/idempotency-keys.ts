export interface IdempotencyClaim {
  readonly userId: string;
  readonly key: string;
  /** The command name: a key reused for a different command is the caller's bug, not a retry. */
  readonly command: string;
}

/** What the first use of a key produced, answered to every later use. */
export type FirstUse = { readonly claimed: false; readonly command: string; readonly result: unknown };
export type ClaimOutcome = { readonly claimed: true } | FirstUse;

/** `x-idempotency-key`s of one transaction (see run-command.ts for the order these are called in). */
export interface IdempotencyKeys {
  /** What the first use of a key produced, if it was committed. Reads only: it must not make the transaction write. */
  find(claim: IdempotencyClaim): Promise<FirstUse | undefined>;
  /**
   * Claims the key, or answers what the first use of it produced. A concurrent uncommitted claim on the same
   * key is waited for: if it commits, its result is answered; if it rolls back, this claim goes through.
   */
  claim(claim: IdempotencyClaim): Promise<ClaimOutcome>;
  record(claim: IdempotencyClaim, result: unknown): Promise<void>;
}
