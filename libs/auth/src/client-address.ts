import { createHmac, timingSafeEqual } from 'node:crypto';
import { callerTtlSeconds } from './caller.js';

/**
 * The header through which the gateway tells identity which network address a request came from (for
 * login rate limits). Signed with the internal secret like the caller header, so a client calling identity
 * around the gateway cannot name an address of its choosing; identity then uses the socket's own address.
 */
export const clientAddressHeader = 'x-mindflow-client';

/** `base64url(JSON {address, exp}) + '.' + HMAC`; the MAC covers a purpose label, so a caller header is never one. */
export function signClientAddress(address: string, secret: string, ttlSeconds = callerTtlSeconds, now: Date = new Date()): string {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const body = Buffer.from(JSON.stringify({ address, exp })).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

/** The address a header vouches for, or null when it is missing, malformed, forged or expired. */
export function verifyClientAddress(header: string | undefined | null, secret: string, now: Date = new Date()): string | null {
  if (!header || header.length > 1024) return null;
  const [body, signature, extra] = header.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { address, exp } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof address !== 'string' || !address || address.length > 64) return null;
    if (typeof exp !== 'number' || exp * 1000 <= now.getTime()) return null;
    return address;
  } catch {
    return null;
  }
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update('client-address.').update(body).digest('base64url');
}
