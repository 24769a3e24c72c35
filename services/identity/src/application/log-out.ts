import { unauthenticated, type IdentityError } from '../domain/identity-error.js';
import type { IdentityEnvironment } from './identity-environment.js';

export interface Logout {
  /** From the refresh cookie, when the client sent it. */
  readonly refreshToken?: string | undefined;
  /** From a valid access token, when the client sent one: the user and the session (`sid`) it belongs to. */
  readonly caller?: { readonly userId: string; readonly sessionId?: string | undefined } | undefined;
  /** End every session of the user, not just this one. */
  readonly everywhere: boolean;
}

/**
 * Ends the current session — the one of the access token and the one of the refresh cookie, which are
 * normally the same — or, `everywhere`, every session of the user. Access tokens of an ended session are
 * refused at once (the gateway checks `sid`); its refresh tokens can never be exchanged again.
 * Returns how many sessions ended: 0 when there was nothing left to end (logging out twice is no error).
 */
export async function logOut(env: IdentityEnvironment, request: Logout): Promise<{ sessionsEnded: number } | IdentityError> {
  const fromCookie = request.refreshToken && env.refreshTokens.looksLike(request.refreshToken)
    ? await env.store.refreshTokens.sessionOf(env.refreshTokens.hashOf(request.refreshToken))
    : null;
  const userId = request.caller?.userId ?? fromCookie?.userId;
  if (!userId) {
    if (request.everywhere) return unauthenticated('sign in (or send the refresh cookie) to log out everywhere');
    return { sessionsEnded: 0 };
  }
  const now = env.now();
  const ended = await env.store.transaction(async (tx) => {
    let sessionIds: string[];
    if (request.everywhere) {
      sessionIds = await tx.sessions.revokeAll(userId, 'logout-everywhere', now);
    } else {
      // Only sessions of this user: a cookie of someone else's sign-in next to this caller's token ends nothing of theirs.
      const candidates = [request.caller?.sessionId, fromCookie?.userId === userId ? fromCookie.sessionId : undefined]
        .filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
      sessionIds = candidates.length ? await tx.sessions.revoke(userId, [...new Set(candidates)], 'logout', now) : [];
    }
    // Before the commit: a logout that answered "done" must already refuse the session's access tokens.
    await env.sessions.end(sessionIds);
    return sessionIds;
  });
  return { sessionsEnded: ended.length };
}
