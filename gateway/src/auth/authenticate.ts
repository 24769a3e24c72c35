import type { IncomingHttpHeaders } from 'node:http';
import { InvalidTokenError, verifyAccessToken, type VerifiedAccessToken, type Verifier } from '@mindflow/auth';
import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';
import type { SessionAwareVerifier } from './session-check.js';

/** A token whose signature and claims verified: who it names and its session, until it expires. */
interface Verified {
  readonly user: VerifiedAccessToken;
  readonly sessionId: string | undefined;
}

/**
 * Tokens already verified, per verifier: a client sends the same token with every request for its 15
 * minutes, and an EdDSA verification (with jose's parsing around it) was the largest part of the gateway's
 * own work per request (BENCHMARKS.md, "Gateway"). A token is reused at most until it expires, and at most
 * `verifiedTokenTtlMs` after it was verified, so a key withdrawn from identity's JWKS stops working within
 * that time. What may change within a token's life, its session, is checked on every request below.
 */
const verifiedTokenTtlMs = 60_000;
const verifiedTokens = new WeakMap<object, LRUCache<string, Verified>>();

async function verifyCached(token: string, verifier: Verifier | SessionAwareVerifier): Promise<Verified> {
  let cache = verifiedTokens.get(verifier);
  if (!cache) verifiedTokens.set(verifier, (cache = new LRUCache<string, Verified>({ max: 50_000, ttl: verifiedTokenTtlMs })));
  const known = cache.get(token);
  if (known && known.user.expiresAt.getTime() > Date.now()) return known;
  const user = await verifyAccessToken(token, verifier);
  // Read only after the signature verified: the claims are identity's.
  const sid = decodeJwt(token)['sid'];
  const verified = { user, sessionId: typeof sid === 'string' && sid ? sid : undefined };
  cache.set(token, verified, { ttl: Math.max(1, Math.min(verifiedTokenTtlMs, user.expiresAt.getTime() - Date.now())) });
  return verified;
}

export type Authentication =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'invalid'; readonly reason: string }
  /** `sessionId`: the token's `sid` (identity-issued tokens carry one; dev tokens do not). */
  | { readonly kind: 'user'; readonly user: VerifiedAccessToken; readonly sessionId?: string };

/**
 * Verifies `Authorization: Bearer <token>` once per request. No header is "anonymous" (the request guard
 * decides what an anonymous caller may do); a bad header or token is "invalid" and refused outright.
 * With a session check (AUTH_SESSIONS_URL), a token whose session was logged out is invalid at once.
 */
export async function authenticate(headers: IncomingHttpHeaders, verifier: Verifier | SessionAwareVerifier): Promise<Authentication> {
  const header = headers.authorization;
  if (!header) return { kind: 'anonymous' };
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  if (!match?.[1]) return { kind: 'invalid', reason: 'the Authorization header must be "Bearer <token>"' };
  let user: VerifiedAccessToken;
  let sessionId: string | undefined;
  try {
    ({ user, sessionId } = await verifyCached(match[1], verifier));
  } catch (error) {
    if (error instanceof InvalidTokenError) return { kind: 'invalid', reason: error.message };
    throw error;
  }
  const sessions = 'sessions' in verifier ? verifier.sessions : undefined;
  if (sessions) {
    if (!sessionId && sessions.required) return { kind: 'invalid', reason: 'token has no session: sign in to get one' };
    if (sessionId && !(await sessions.isLive(sessionId))) return { kind: 'invalid', reason: 'session ended: sign in again' };
  }
  return sessionId ? { kind: 'user', user, sessionId } : { kind: 'user', user };
}
