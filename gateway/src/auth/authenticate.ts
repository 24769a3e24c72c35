import type { IncomingHttpHeaders } from 'node:http';
import { InvalidTokenError, verifyAccessToken, type VerifiedAccessToken, type Verifier } from '@mindflow/auth';
import { decodeJwt } from 'jose';
import type { SessionAwareVerifier } from './session-check.js';

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
  try {
    user = await verifyAccessToken(match[1], verifier);
  } catch (error) {
    if (error instanceof InvalidTokenError) return { kind: 'invalid', reason: error.message };
    throw error;
  }
  // Read only after the signature verified: the claims are identity's.
  const sid = decodeJwt(match[1])['sid'];
  const sessionId = typeof sid === 'string' && sid ? sid : undefined;
  const sessions = 'sessions' in verifier ? verifier.sessions : undefined;
  if (sessions) {
    if (!sessionId && sessions.required) return { kind: 'invalid', reason: 'token has no session: sign in to get one' };
    if (sessionId && !(await sessions.isLive(sessionId))) return { kind: 'invalid', reason: 'session ended: sign in again' };
  }
  return sessionId ? { kind: 'user', user, sessionId } : { kind: 'user', user };
}
