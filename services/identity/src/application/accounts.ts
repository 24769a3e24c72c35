import type { IdentityEnvironment } from './identity-environment.js';
import type { UserAccount } from './ports/identity-store.js';

/** The caller's own account (`me`), or null when it no longer exists. */
export function accountOf(env: IdentityEnvironment, userId: string): Promise<UserAccount | null> {
  return env.store.users.find(userId);
}

/** The liveness check behind every API request: is this access token's session still open? */
export function isSessionLive(env: IdentityEnvironment, sessionId: string): Promise<boolean> {
  return env.sessions.isLive(sessionId);
}
