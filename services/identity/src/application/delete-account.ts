import { emailKey } from '../domain/account/email.js';
import { normalizePassword, passwordPolicy } from '../domain/account/password-policy.js';
import { badInput, rateLimited, unauthenticated, type IdentityError } from '../domain/identity-error.js';
import { destroyDataKey } from './erasure-saga.js';
import type { IdentityEnvironment, RequestInfo } from './identity-environment.js';
import { userErasureRequested } from './user-events.js';

/**
 * Deletes the caller's account and starts its erasure everywhere (API.md "Your data is yours"), once the
 * password confirms it is them. In ONE transaction: every session is revoked (the session registry first, so
 * the caller's tokens are refused the moment this answers), the account with its credential, roles, sessions
 * and refresh tokens is deleted (the address can register again, as a new, empty account), the erasure's own
 * record is kept (id and dates only) and `UserErasureRequested` goes to identity's outbox, for every service to
 * erase what it holds and acknowledge. Then the user's data key is destroyed at once (the saga retries it
 * while it fails): README "Erasure" says why not after the acknowledgements.
 * Password guesses count against the client's login limits, like logins.
 */
export async function deleteAccount(env: IdentityEnvironment, userId: string, password: string, request: RequestInfo): Promise<true | IdentityError> {
  const account = await env.store.users.findCredentials(userId);
  if (!account) return unauthenticated('this account no longer exists');
  const typed = normalizePassword(password);
  const key = emailKey(account.email);
  const attempt = await env.loginLimits.attempt(request.clientAddress, key);
  if (attempt.kind === 'limited') {
    const minutes = Math.ceil(attempt.retryAfterMs / 60_000);
    return rateLimited(attempt.retryAfterMs, `too many wrong passwords: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
  }
  if ([...typed].length > passwordPolicy.maxLength || !(await env.passwords.verify(account.passwordHash, typed))) {
    return badInput('password', 'the password is not right: type your current password to delete your account');
  }
  await env.loginLimits.succeeded(request.clientAddress, key);

  const now = env.now();
  const services = env.erasure.services;
  await env.store.transaction(async (tx) => {
    const version = await tx.users.nextVersion(userId);
    const sessionIds = await tx.sessions.revokeAll(userId, 'account-deleted', now);
    await tx.erasures.begin({ userId, at: now, userVersion: version, services });
    await tx.outbox.append([userErasureRequested(env, request, userId, { version, attempt: 1, services, at: now })]);
    await tx.users.delete(userId);
    // Before the commit, as a logout: once this answers, no token of the account is accepted anywhere.
    await env.sessions.end(sessionIds);
  });
  env.log.info({ userId, services }, 'account deleted; erasure requested');
  await destroyDataKey(env, userId);
  return true;
}
