export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A `retry-after` longer than this is not waited for: the attempt gives up (and falls back). */
  readonly maxRetryAfterMs: number;
}

/**
 * The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed retryably, or null to give
 * up. Exponential backoff with full jitter (`random` in [0, 1) is an input, so this stays pure); a server's
 * `retry-after` wins when it is given, since the server knows when it will take the call again.
 */
export function retryDelay(attempt: number, policy: RetryPolicy, random: number, retryAfterMs?: number): number | null {
  if (attempt >= policy.maxAttempts) return null;
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return retryAfterMs > policy.maxRetryAfterMs ? null : retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 0.999_999));
}

/** `retry-after` as milliseconds: delay-seconds or an HTTP date (relative to `now`); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
