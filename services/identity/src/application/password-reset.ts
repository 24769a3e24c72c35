import { createHash } from 'node:crypto';
import { checkEmail, emailKey } from '../domain/account/email.js';
import { checkPassword, normalizePassword } from '../domain/account/password-policy.js';
import { badInput, isIdentityError, rateLimited, type IdentityError } from '../domain/identity-error.js';
import { clientKey } from '../domain/login/login-limits.js';
import { tokenUsable, type ResetPolicy } from '../domain/password-reset/reset-policy.js';
import type { IdentityEnvironment, RequestInfo } from './identity-environment.js';
import type { PasswordResetMailer } from './ports/password-reset-mailer.js';
import type { PasswordResetStore } from './ports/password-reset-store.js';

/** What the forgotten-password flow needs besides the rest of identity's environment. */
export interface PasswordResets {
  readonly store: PasswordResetStore;
  readonly mailer: PasswordResetMailer;
  readonly policy: ResetPolicy;
  /** The app's page that sets a new password; the link adds `?token=…`. */
  readonly pageUrl: string;
}

/** The one refusal of a link that cannot reset anything (unknown, used, expired): what to do next, nothing more. */
const unusableLink = () => badInput('token', 'This reset link has expired or was already used. Ask for a new one.');

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Asks for a reset link. The answer is the same whether an account has that address or not (nobody learns which
 * accounts exist): true, and a mail goes only to an account's address, at most `perAddress.max` an hour. A client
 * asking too often is RATE_LIMITED (which says nothing about any account). The mail is sent after the answer, so
 * its time does not tell either.
 */
export async function requestPasswordReset(env: IdentityEnvironment, rawEmail: string, request: RequestInfo): Promise<true | IdentityError> {
  const checked = checkEmail(rawEmail);
  if (isIdentityError(checked)) return checked;
  const { store, mailer, policy, pageUrl } = env.passwordResets;
  const now = env.now();
  const key = emailKey(checked.email);
  const counts = await store.countRequest({
    clientHash: sha256(clientKey(request.clientAddress)), emailHash: sha256(key), at: now,
    clientWindowMs: policy.perClient.windowMs, emailWindowMs: policy.perAddress.windowMs,
  });
  if (counts.byClient > policy.perClient.max) {
    return rateLimited(policy.perClient.windowMs, 'Too many reset requests from here. Wait a while, then ask again.');
  }
  if (counts.byEmail > policy.perAddress.max) return true;
  const account = await env.store.users.findCredentialsByEmail(key);
  if (!account) return true;
  const { token, hash } = env.refreshTokens.issue(); // the same kind of secret: 256 random bits, only its hash kept
  const expiresAt = new Date(now.getTime() + policy.tokenTtlMs);
  await store.insertToken({ hash, userId: account.id, at: now, expiresAt });
  const link = `${pageUrl}?token=${encodeURIComponent(token)}`;
  void mailer.send({ to: account.email, name: account.name, link, expiresAt }).then(
    () => env.log.info({ userId: account.id, correlationId: request.correlationId }, 'password reset link sent'),
    (error: unknown) => env.log.warn({ err: error, userId: account.id, correlationId: request.correlationId }, 'password reset mail failed'),
  );
  return true;
}

/**
 * Sets a new password with a reset link's token: the token is spent (with any other link of the account), the
 * password replaced and every session of the account ended (each device signs in again), in one transaction. A
 * password the policy refuses leaves the link usable.
 */
export async function resetPassword(
  env: IdentityEnvironment,
  input: { readonly token: string; readonly newPassword: string },
  request: RequestInfo,
): Promise<{ sessionsEnded: number } | IdentityError> {
  if (!env.refreshTokens.looksLike(input.token)) return unusableLink();
  const hash = env.refreshTokens.hashOf(input.token);
  const now = env.now();
  const password = normalizePassword(input.newPassword);
  const result = await env.passwordResets.store.transaction(async (tx) => {
    const token = await tx.lockToken(hash);
    if (!token || !tokenUsable(token, now)) return unusableLink();
    const account = await env.store.users.find(token.userId);
    if (!account) return unusableLink();
    const weak = checkPassword(password, { email: account.email, name: account.name });
    if (weak) return badInput('newPassword', weak.code === 'BAD_USER_INPUT' ? weak.message.replace(/^password/, 'The new password') : weak.message);
    await tx.spendAll(token.userId, now);
    await tx.setPasswordHash(token.userId, await env.passwords.hash(password), now);
    const ended = await tx.revokeAllSessions(token.userId, now);
    // before the commit: once the answer says done, no old session's access token works
    await env.sessions.end(ended);
    return { userId: token.userId, sessionsEnded: ended.length };
  });
  if (isIdentityError(result)) return result;
  env.log.info({ userId: result.userId, sessionsEnded: result.sessionsEnded, correlationId: request.correlationId }, 'password reset');
  return { sessionsEnded: result.sessionsEnded };
}
