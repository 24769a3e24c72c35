import { signClaims, verifyClaims } from './signed-claims.js';

/** The header through which the gateway tells a subgraph who is calling (CONVENTIONS.md, "Auth between the parts"). */
export const callerHeader = 'x-mindflow-caller';

/**
 * Used when `INTERNAL_CALLER_SECRET` is unset, so the embedded system runs with no configuration.
 * A deployment must set its own: anyone who knows this string can impersonate any user to a subgraph.
 */
export const devCallerSecret = 'mindflow-dev-internal-caller-secret';

/** Short on purpose: the header is minted per subgraph request, so a leaked one is soon useless. */
export const callerTtlSeconds = 60;

export interface Caller {
  readonly userId: string;
  readonly roles: readonly string[];
}

/** `base64url(JSON {userId, roles, exp}) + '.' + base64url(HMAC-SHA256(secret, first part))` (signed-claims.ts). */
export function signCaller(caller: Caller, secret: string, ttlSeconds = callerTtlSeconds, now: Date = new Date()): string {
  return signClaims({ userId: caller.userId, roles: [...caller.roles] }, secret, { ttlSeconds, now });
}

/**
 * Headers that verified, per secret, with their expiry: the gateway reuses a signed header for half its life (30 s),
 * so a subgraph sees the same few strings again and again, and the HMAC, base64 and JSON work of each (3 % of the
 * query subgraph's CPU under the gateway benchmark, BENCHMARKS.md, issue 12) is done once per header. Only a header
 * that verified is kept, only until its own `exp`, and looked up by its exact text: a forged, altered or expired
 * header is never answered from here. Bounded (oldest out first).
 */
const verifiedCallers = new Map<string, Map<string, { caller: Caller; expiresAtMs: number }>>();
const maxVerifiedCallers = 10_000;

/** The caller a header vouches for, or null when it is missing, malformed, forged or expired. */
export function verifyCaller(header: string | undefined | null, secret: string, now: Date = new Date()): Caller | null {
  if (!header) return null;
  let known = verifiedCallers.get(secret);
  const kept = known?.get(header);
  if (kept) {
    if (kept.expiresAtMs > now.getTime()) return kept.caller;
    known?.delete(header);
    return null;
  }
  const claims = verifyClaims(header, secret, { now, maxLength: 4096 });
  if (!claims) return null;
  const { userId, roles, exp } = claims;
  if (typeof userId !== 'string' || !userId) return null;
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) return null;
  const caller: Caller = Object.freeze({ userId, roles: Object.freeze([...roles]) as string[] });
  if (!known) verifiedCallers.set(secret, (known = new Map<string, { caller: Caller; expiresAtMs: number }>()));
  if (known.size >= maxVerifiedCallers) known.delete(known.keys().next().value!);
  known.set(header, { caller, expiresAtMs: (exp as number) * 1000 });
  return caller;
}
