import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The internal headers' one format: `base64url(JSON claims + exp) + '.' + base64url(HMAC-SHA256)`. `purpose` goes
 * into the MAC ahead of the body, so a header signed for one purpose never verifies as another.
 */
export function signClaims(claims: Record<string, unknown>, secret: string, options: { ttlSeconds: number; now: Date; purpose?: string }): string {
  const exp = Math.floor(options.now.getTime() / 1000) + options.ttlSeconds;
  const body = Buffer.from(JSON.stringify({ ...claims, exp })).toString('base64url');
  return `${body}.${mac(body, secret, options.purpose ?? '')}`;
}

/** The claims a header vouches for (`exp` checked), or null when it is missing, too long, malformed, forged or expired. */
export function verifyClaims(
  header: string | undefined | null,
  secret: string,
  options: { now: Date; maxLength: number; purpose?: string },
): Record<string, unknown> | null {
  if (!header || header.length > options.maxLength) return null;
  const [body, signature, extra] = header.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, secret, options.purpose ?? ''));
  const given = Buffer.from(signature);
  // Compare in constant time so the signature cannot be guessed byte by byte from response timings.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims['exp'] !== 'number' || claims['exp'] * 1000 <= options.now.getTime()) return null;
    return claims;
  } catch {
    return null;
  }
}

function mac(body: string, secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(purpose).update(body).digest('base64url');
}
