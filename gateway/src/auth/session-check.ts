import type { Verifier } from '@mindflow/auth';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';

/**
 * The gateway's side of "logout takes effect at once": an access token carries its session id (`sid`)
 * and the gateway asks identity whether that session is still live before trusting the token.
 * Identity answers from its live-session registry (Redis in distributed mode, in-process in embedded).
 */
export interface SessionCheck {
  isLive(sessionId: string): Promise<boolean>;
  /** Refuse tokens without `sid` (dev tokens from `issue-dev-token`, which no logout can revoke). */
  readonly required: boolean;
  /** Drops what a cache remembers (a logout passed through this gateway): the next check asks identity. A function
   *  value, not a method: it is handed on alone (sessionCachePlugin). */
  readonly forget?: () => void;
}

/** A verifier that also knows how to check sessions: `authenticate` uses the check when it is there. */
export type SessionAwareVerifier = Verifier & { readonly sessions?: SessionCheck };

export const sessionConfigShape = {
  /** Identity's liveness endpoint (`http://…/internal/sessions`): with it, a token whose session ended is refused. */
  AUTH_SESSIONS_URL: z.url().optional(),
  /** With AUTH_SESSIONS_URL: also refuse tokens that carry no session id. Set it in production. */
  // Booleans too: the parsed config is parsed again by startGateway.
  AUTH_REQUIRE_SESSION: z.union([z.boolean(), z.stringbool()]).default(false),
  /** The liveness call's time limit; past it the request fails (503-like), it is never let through. */
  AUTH_SESSIONS_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  /**
   * How long an answer of identity's is reused (0: ask on every request). A logout through this gateway takes
   * effect at once (it empties the cache); one through another replica, or a refresh-token reuse, within this.
   */
  AUTH_SESSIONS_CACHE_MS: z.coerce.number().int().min(0).default(1_000),
};

/** `GET <url>/<sid>`: 200 live, 404 ended; anything else is identity failing, not the caller. */
export function httpSessionCheck(url: string, options: { required: boolean; timeoutMs: number }): SessionCheck {
  const base = url.replace(/\/+$/, '');
  return {
    required: options.required,
    async isLive(sessionId) {
      const res = await fetch(`${base}/${encodeURIComponent(sessionId)}`, { signal: AbortSignal.timeout(options.timeoutMs) });
      await res.body?.cancel();
      if (res.status === 200) return true;
      if (res.status === 404) return false;
      throw new Error(`session liveness check answered ${res.status}`);
    },
  };
}

/**
 * Remembers identity's answers for `ttlMs`, per session, and asks once for concurrent checks of the same session:
 * the cache holds the answer's promise, so a client's burst of requests costs one round trip, not one each. A failed
 * check is forgotten at once. Bounded to `max` sessions, least recently used first out (lru-cache). Not lru-cache's
 * own `fetch`: its `clear()` aborts the fetches in flight, and every request waiting on one would fail.
 */
export function cachedSessionCheck(check: SessionCheck, options: { ttlMs: number; max?: number }): SessionCheck {
  const cache = new LRUCache<string, Promise<boolean>>({
    max: options.max ?? 100_000,
    ttl: options.ttlMs,
    // The time a check started, not ended, bounds an answer's age: a logout racing the check is seen within ttl.
    noUpdateTTL: true,
  });
  return {
    required: check.required,
    isLive(sessionId) {
      const known = cache.get(sessionId);
      if (known) return known;
      const answer = check.isLive(sessionId);
      cache.set(sessionId, answer);
      answer.catch(() => {
        if (cache.peek(sessionId) === answer) cache.delete(sessionId);
      });
      return answer;
    },
    // Checks in flight finish for whoever waits on them; the next check asks identity.
    forget: () => cache.clear(),
  };
}

/** The verifier with the session check the configuration asks for (none without AUTH_SESSIONS_URL). */
export function withSessionCheck(
  verifier: Verifier,
  config: { AUTH_SESSIONS_URL?: string | undefined; AUTH_REQUIRE_SESSION?: boolean; AUTH_SESSIONS_TIMEOUT_MS?: number; AUTH_SESSIONS_CACHE_MS?: number },
): SessionAwareVerifier {
  if (!config.AUTH_SESSIONS_URL) return verifier;
  const check = httpSessionCheck(config.AUTH_SESSIONS_URL, {
    required: config.AUTH_REQUIRE_SESSION ?? false,
    timeoutMs: config.AUTH_SESSIONS_TIMEOUT_MS ?? 2_000,
  });
  const ttlMs = config.AUTH_SESSIONS_CACHE_MS ?? 1_000;
  return { ...verifier, sessions: ttlMs > 0 ? cachedSessionCheck(check, { ttlMs }) : check };
}
