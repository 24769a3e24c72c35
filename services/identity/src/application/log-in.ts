import { emailKey, maxEmailLength } from '../domain/account/email.js';
import { normalizePassword, passwordPolicy } from '../domain/account/password-policy.js';
import { invalidCredentials, rateLimited, type IdentityError } from '../domain/identity-error.js';
import { handOut, startSession, type AuthSession } from './auth-session.js';
import type { IdentityEnvironment, RequestInfo } from './identity-environment.js';
import { userLoggedIn } from './user-events.js';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/**
 * Signs in with email and password. Every failure looks the same (`invalid email or password`) and takes
 * the same time: an unknown address still costs one Argon2 computation. Attempts are limited per client
 * (`domain/login/login-limits.ts`: 5 failures in a row at one address refuse that client there for 15
 * minutes, 100 a day across addresses refuse it everywhere), counted before the password is checked —
 * whoever else signs in to the account is not concerned.
 */
export async function logIn(env: IdentityEnvironment, input: Credentials, request: RequestInfo): Promise<AuthSession | IdentityError> {
  const key = emailKey(input.email);
  const password = normalizePassword(input.password);
  // Nothing this long was ever accepted at registration; refuse before spending memory on it.
  if (key.length === 0 || key.length > maxEmailLength || [...password].length > passwordPolicy.maxLength) {
    await env.passwords.verifyNothing(password.slice(0, passwordPolicy.maxLength));
    return invalidCredentials();
  }

  const attempt = await env.loginLimits.attempt(request.clientAddress, key);
  if (attempt.kind === 'limited') {
    const minutes = Math.ceil(attempt.retryAfterMs / 60_000);
    return rateLimited(attempt.retryAfterMs, `too many failed logins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
  }

  const account = await env.store.users.findCredentialsByEmail(key);
  if (!account) {
    await env.passwords.verifyNothing(password);
    return invalidCredentials();
  }
  if (!(await env.passwords.verify(account.passwordHash, password))) return invalidCredentials();

  const now = env.now();
  const { passwordHash, ...user } = account;
  await env.loginLimits.succeeded(request.clientAddress, key);
  const started = await env.store.transaction(async (tx) => {
    const version = await tx.users.nextVersion(user.id);
    const session = await startSession(env, tx, user.id, request, now);
    await tx.outbox.append([userLoggedIn(env, request, user.id, version, now)]);
    return session;
  });
  if (env.passwords.needsRehash(passwordHash)) {
    // The cost was raised since this hash was made; the password is at hand only now.
    await env.store.users.updatePasswordHash(user.id, await env.passwords.hash(password), now).catch((error: unknown) =>
      env.log.warn({ err: error, userId: user.id }, 'password rehash failed'));
  }
  return handOut(env, user, started, now);
}
