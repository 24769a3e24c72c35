/**
 * Counts login attempts per client (`domain/login/login-limits.ts`). Distributed: Redis, shared by every
 * identity replica. Embedded: this process. One contract test holds both (`login-limiter.int.spec.ts`).
 */
export interface LoginLimiter {
  /**
   * Counts this attempt as failed *before* the password is checked, so attempts racing in parallel cannot
   * get more guesses past the counter than the limit allows; `succeeded` forgives it.
   */
  attempt(client: string, emailKey: string): Promise<LoginAllowance>;
  /** A correct password: the pair's failures are forgotten, and this attempt does not count for the client. */
  succeeded(client: string, emailKey: string): Promise<void>;
  close(): Promise<void>;
}

export type LoginAllowance = { readonly kind: 'proceed' } | { readonly kind: 'limited'; readonly retryAfterMs: number };
