import { openSession } from '../domain/session/session-policy.js';
import type { IdentityEnvironment, RequestInfo } from './identity-environment.js';
import type { IdentityTransaction, UserAccount } from './ports/identity-store.js';

/** A signed-in session as the API hands it out (AuthPayload plus the refresh token for the cookie). */
export interface AuthSession {
  readonly accessToken: string;
  readonly expiresAt: Date;
  readonly refreshToken: string;
  readonly refreshExpiresAt: Date;
  readonly sessionId: string;
  readonly user: UserAccount;
}

/** A session row and its first refresh token, written in the caller's transaction. */
export interface StartedSession {
  readonly sessionId: string;
  readonly sessionExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshExpiresAt: Date;
}

export async function startSession(env: IdentityEnvironment, tx: IdentityTransaction, userId: string, request: RequestInfo, now: Date): Promise<StartedSession> {
  const lifetime = openSession(now, env.sessionPolicy);
  const sessionId = env.newId();
  await tx.sessions.insert({ id: sessionId, userId, at: now, expiresAt: lifetime.expiresAt, userAgent: request.userAgent });
  const refresh = env.refreshTokens.issue();
  await tx.refreshTokens.insert({ hash: refresh.hash, sessionId, at: now, expiresAt: lifetime.refreshExpiresAt });
  return { sessionId, sessionExpiresAt: lifetime.expiresAt, refreshToken: refresh.token, refreshExpiresAt: lifetime.refreshExpiresAt };
}

/** After the commit: marks the session live for the gateway's check and signs its access token. */
export async function handOut(env: IdentityEnvironment, user: UserAccount, session: StartedSession, now: Date): Promise<AuthSession> {
  await env.sessions.open({ sessionId: session.sessionId, userId: user.id, expiresAt: session.sessionExpiresAt });
  const access = await env.accessTokens.sign({ userId: user.id, roles: user.roles, email: user.email, sessionId: session.sessionId }, now);
  return {
    accessToken: access.token,
    expiresAt: access.expiresAt,
    refreshToken: session.refreshToken,
    refreshExpiresAt: session.refreshExpiresAt,
    sessionId: session.sessionId,
    user,
  };
}
