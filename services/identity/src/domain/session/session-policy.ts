export interface SessionPolicy {
  /** A refresh token's life: each rotation starts a new one (bounded by the session's end). */
  readonly refreshTtlMs: number;
  /** A session's absolute life from sign-in, however often it is refreshed. */
  readonly sessionMaxMs: number;
}

export interface SessionLifetime {
  /** When the session (the refresh-token family) ends for good. */
  readonly expiresAt: Date;
  /** When its first refresh token expires. */
  readonly refreshExpiresAt: Date;
}

/** The life of a session opened at `now`. */
export function openSession(now: Date, policy: SessionPolicy): SessionLifetime {
  const expiresAt = new Date(now.getTime() + policy.sessionMaxMs);
  return { expiresAt, refreshExpiresAt: refreshExpiry(now, expiresAt, policy) };
}

/** A refresh token issued at `now` lives `refreshTtlMs`, never past its session's end. */
export function refreshExpiry(now: Date, sessionExpiresAt: Date, policy: SessionPolicy): Date {
  return new Date(Math.min(now.getTime() + policy.refreshTtlMs, sessionExpiresAt.getTime()));
}
