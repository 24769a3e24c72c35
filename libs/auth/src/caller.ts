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

/** The caller a header vouches for, or null when it is missing, malformed, forged or expired. */
export function verifyCaller(header: string | undefined | null, secret: string, now: Date = new Date()): Caller | null {
  const claims = verifyClaims(header, secret, { now, maxLength: 4096 });
  if (!claims) return null;
  const { userId, roles } = claims;
  if (typeof userId !== 'string' || !userId) return null;
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) return null;
  return { userId, roles };
}
