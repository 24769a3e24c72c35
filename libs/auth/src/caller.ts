import { createHmac, timingSafeEqual } from 'node:crypto';

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

/** `base64url(JSON {userId, roles, exp}) + '.' + base64url(HMAC-SHA256(secret, first part))`. */
export function signCaller(caller: Caller, secret: string, ttlSeconds = callerTtlSeconds, now: Date = new Date()): string {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const body = Buffer.from(JSON.stringify({ userId: caller.userId, roles: [...caller.roles], exp })).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

/** The caller a header vouches for, or null when it is missing, malformed, forged or expired. */
export function verifyCaller(header: string | undefined | null, secret: string, now: Date = new Date()): Caller | null {
  if (!header || header.length > 4096) return null;
  const [body, signature, extra] = header.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  // Compare in constant time so the signature cannot be guessed byte by byte from response timings.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { userId, roles, exp } = claims;
    if (typeof userId !== 'string' || !userId) return null;
    if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) return null;
    if (typeof exp !== 'number' || exp * 1000 <= now.getTime()) return null;
    return { userId, roles };
  } catch {
    return null;
  }
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
