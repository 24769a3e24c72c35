import { unauthenticated, type IdentityError } from '../domain/identity-error.js';
import { decideRefresh } from '../domain/session/refresh-rotation.js';
import { handOut, type AuthSession } from './auth-session.js';
import type { IdentityEnvironment } from './identity-environment.js';

const signInAgain = 'the refresh token is missing, expired or revoked: sign in again';

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation: the presented one
 * is spent). Presenting a spent token again ends its whole session (reuse detection): one of the two
 * holders is not its owner, and only a new sign-in can tell them apart.
 */
export async function refreshSession(env: IdentityEnvironment, refreshToken: string | undefined): Promise<AuthSession | IdentityError> {
  if (!refreshToken || !env.refreshTokens.looksLike(refreshToken)) return unauthenticated(signInAgain);
  const hash = env.refreshTokens.hashOf(refreshToken);
  const now = env.now();
  const outcome = await env.store.transaction(async (tx) => {
    const presented = await tx.refreshTokens.lock(hash);
    const decision = decideRefresh(presented, now, env.sessionPolicy);
    switch (decision.kind) {
      case 'refuse':
        return { kind: 'refused' as const };
      case 'reuse-detected':
        await tx.sessions.revoke(decision.userId, [decision.sessionId], 'refresh-token-reuse', now);
        // Before the commit: once the revocation is visible, no access token of the family may pass.
        await env.sessions.end([decision.sessionId]);
        return { kind: 'reused' as const, userId: decision.userId, sessionId: decision.sessionId };
      case 'rotate': {
        await tx.refreshTokens.markRotated(hash, decision.sessionId, now);
        const next = env.refreshTokens.issue();
        await tx.refreshTokens.insert({ hash: next.hash, sessionId: decision.sessionId, at: now, expiresAt: decision.nextExpiresAt });
        const user = await tx.users.find(decision.userId);
        if (!user) throw new Error(`session ${decision.sessionId} has no user`);
        return {
          kind: 'rotated' as const,
          user,
          session: { sessionId: decision.sessionId, sessionExpiresAt: presented!.sessionExpiresAt, refreshToken: next.token, refreshExpiresAt: decision.nextExpiresAt },
        };
      }
      default: {
        const unhandled: never = decision;
        throw new Error(`unhandled refresh decision ${JSON.stringify(unhandled)}`);
      }
    }
  });
  if (outcome.kind === 'refused') return unauthenticated(signInAgain);
  if (outcome.kind === 'reused') {
    env.log.warn({ userId: outcome.userId, sessionId: outcome.sessionId }, 'refresh token reused: session revoked');
    return unauthenticated('this refresh token was already used, so its session was ended for safety: sign in again');
  }
  // Roles are read again on every refresh: an upgrade to premium shows up within one access-token lifetime.
  return handOut(env, outcome.user, outcome.session, now);
}
