import { callerTtlSeconds } from './caller.js';
import { signClaims, verifyClaims } from './signed-claims.js';

/**
 * The header through which the gateway tells identity which network address a request came from (for
 * login rate limits). Signed with the internal secret like the caller header, so a client calling identity
 * around the gateway cannot name an address of its choosing; identity then uses the socket's own address.
 */
export const clientAddressHeader = 'x-mindflow-client';

/** Signed like the caller header (signed-claims.ts), under its own purpose: a caller header is never one. */
export function signClientAddress(address: string, secret: string, ttlSeconds = callerTtlSeconds, now: Date = new Date()): string {
  return signClaims({ address }, secret, { ttlSeconds, now, purpose });
}

/** The address a header vouches for, or null when it is missing, malformed, forged or expired. */
export function verifyClientAddress(header: string | undefined | null, secret: string, now: Date = new Date()): string | null {
  const address = verifyClaims(header, secret, { now, maxLength: 1024, purpose })?.['address'];
  return typeof address === 'string' && address && address.length <= 64 ? address : null;
}

const purpose = 'client-address.';
