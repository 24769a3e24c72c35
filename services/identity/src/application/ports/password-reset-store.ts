/** A reset link's token as stored: its hash, whose account, until when, and whether it was used. */
export interface StoredResetToken {
  readonly userId: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

/** One reset's transaction: the token spent, the new password set, every session ended — all or nothing. */
export interface PasswordResetTransaction {
  /** The token, locked until commit (two uses of one link run one after the other); null when unknown. */
  lockToken(hash: Buffer): Promise<StoredResetToken | null>;
  /** Spends every outstanding token of the user (the one used and any older link still in their inbox). */
  spendAll(userId: string, at: Date): Promise<void>;
  setPasswordHash(userId: string, passwordHash: string, at: Date): Promise<void>;
  /** Ends every live session of the user; returns them. */
  revokeAllSessions(userId: string, at: Date): Promise<string[]>;
}

/** Identity's database as the password reset sees it. */
export interface PasswordResetStore {
  /** Records a request (hashed client and address) and answers how many each made within their windows, this one included. */
  countRequest(request: { clientHash: Buffer; emailHash: Buffer; at: Date; clientWindowMs: number; emailWindowMs: number }): Promise<{ byClient: number; byEmail: number }>;
  insertToken(token: { hash: Buffer; userId: string; at: Date; expiresAt: Date }): Promise<void>;
  transaction<R>(work: (tx: PasswordResetTransaction) => Promise<R>): Promise<R>;
}
