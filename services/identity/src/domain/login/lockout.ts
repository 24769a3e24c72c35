// Repeated failed logins lock the address for a while. Counted per email address — not per account — so
// an unknown address locks exactly like a known one and the lockout reveals nothing about who is registered.

export interface LoginThrottle {
  /** Failed attempts since the last success or lock, within the window. */
  readonly failures: number;
  readonly lastFailureAt: Date | null;
  readonly lockedUntil: Date | null;
}

export interface LockoutPolicy {
  /** The attempt that brings the count to this locks the address. */
  readonly maxFailures: number;
  readonly lockMs: number;
  /** Failures further apart than this start the count again. */
  readonly windowMs: number;
}

export const lockoutPolicy: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000, windowMs: 15 * 60_000 };

export const noFailures: LoginThrottle = { failures: 0, lastFailureAt: null, lockedUntil: null };

export type LoginAttempt =
  | { readonly kind: 'locked'; readonly retryAfterMs: number }
  /** Go on and check the password; store `throttle` first — it already counts this attempt as failed. */
  | { readonly kind: 'proceed'; readonly throttle: LoginThrottle };

/**
 * Decides whether a login attempt may check the password at all. The attempt is counted as a failure
 * *before* the password is checked (and forgiven by `loginSucceeded`), so that attempts racing in
 * parallel cannot get more than `maxFailures` guesses past the counter.
 */
export function beginLoginAttempt(throttle: LoginThrottle, now: Date, policy: LockoutPolicy = lockoutPolicy): LoginAttempt {
  const at = now.getTime();
  if (throttle.lockedUntil && at < throttle.lockedUntil.getTime()) {
    return { kind: 'locked', retryAfterMs: throttle.lockedUntil.getTime() - at };
  }
  const lockOver = throttle.lockedUntil !== null; // and expired, or we would have returned
  const recent = throttle.lastFailureAt !== null && at - throttle.lastFailureAt.getTime() <= policy.windowMs;
  const failures = (lockOver || !recent ? 0 : throttle.failures) + 1;
  return {
    kind: 'proceed',
    throttle: {
      failures,
      lastFailureAt: now,
      lockedUntil: failures >= policy.maxFailures ? new Date(at + policy.lockMs) : null,
    },
  };
}

/** A correct password forgives every counted failure, the current attempt's included. */
export function loginSucceeded(): LoginThrottle {
  return noFailures;
}
