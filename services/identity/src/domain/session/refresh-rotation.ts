import { refreshExpiry, type SessionPolicy } from './session-policy.js';

/** A presented refresh token as stored, with its session (the token family it belongs to). */
export interface PresentedRefreshToken {
  readonly sessionId: string;
  readonly userId: string;
  readonly expiresAt: Date;
  /** Set once the token was exchanged: a token is good for exactly one refresh. */
  readonly rotatedAt: Date | null;
  readonly sessionExpiresAt: Date;
  readonly sessionRevokedAt: Date | null;
}

export type RefreshDecision =
  /** Spend the token, issue its successor (expiring at `nextExpiresAt`) and a new access token. */
  | { readonly kind: 'rotate'; readonly sessionId: string; readonly userId: string; readonly nextExpiresAt: Date }
  /**
   * A token that was already exchanged came back: either its owner or a thief holds a copy, and we cannot
   * tell which, so the whole family (the session) ends and both must sign in again.
   */
  | { readonly kind: 'reuse-detected'; readonly sessionId: string; readonly userId: string }
  | { readonly kind: 'refuse'; readonly reason: 'unknown' | 'expired' | 'revoked' };

/** What to do with a presented refresh token (`null`: no such token). Time is an input. */
export function decideRefresh(token: PresentedRefreshToken | null, now: Date, policy: SessionPolicy): RefreshDecision {
  if (!token) return { kind: 'refuse', reason: 'unknown' };
  // A revoked session refuses every token of its family, spent or not, without revoking anything again.
  if (token.sessionRevokedAt) return { kind: 'refuse', reason: 'revoked' };
  if (token.rotatedAt) return { kind: 'reuse-detected', sessionId: token.sessionId, userId: token.userId };
  const at = now.getTime();
  if (token.expiresAt.getTime() <= at || token.sessionExpiresAt.getTime() <= at) return { kind: 'refuse', reason: 'expired' };
  return {
    kind: 'rotate',
    sessionId: token.sessionId,
    userId: token.userId,
    nextExpiresAt: refreshExpiry(now, token.sessionExpiresAt, policy),
  };
}
