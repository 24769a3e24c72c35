import { checkName } from '../domain/account/display-name.js';
import { checkEmail } from '../domain/account/email.js';
import { checkPassword, normalizePassword } from '../domain/account/password-policy.js';
import { defaultRoles } from '../domain/account/roles.js';
import { badInput, isIdentityError, type IdentityError } from '../domain/identity-error.js';
import { handOut, startSession, type AuthSession } from './auth-session.js';
import type { IdentityEnvironment, RequestInfo } from './identity-environment.js';
import type { UserAccount } from './ports/identity-store.js';
import { userRegistered } from './user-events.js';

export interface Registration {
  readonly email: string;
  readonly password: string;
  readonly name?: string | null;
}

/**
 * Creates the account (role `user`) and signs it in: the account, its credential, its first session and
 * `UserRegistered` commit in one transaction. An address registered in any letter case is refused.
 */
export async function register(env: IdentityEnvironment, input: Registration, request: RequestInfo): Promise<AuthSession | IdentityError> {
  const email = checkEmail(input.email);
  if (isIdentityError(email)) return email;
  const name = checkName(input.name);
  if (isIdentityError(name)) return name;
  const password = normalizePassword(input.password);
  const weak = checkPassword(password, { email: email.email, name: name.name });
  if (weak) return weak;

  const passwordHash = await env.passwords.hash(password);
  const now = env.now();
  const user: UserAccount = { id: env.newId(), email: email.email, name: name.name, roles: defaultRoles, createdAt: now };
  const started = await env.store.transaction(async (tx) => {
    const created = await tx.users.insert({ id: user.id, email: user.email, name: user.name, passwordHash, roles: defaultRoles, at: now });
    if (!created) return badInput('email', 'an account with this email already exists: sign in instead');
    const session = await startSession(env, tx, user.id, request, now);
    await tx.outbox.append([userRegistered(env, request, user)]);
    return session;
  });
  if (isIdentityError(started)) return started;
  return handOut(env, user, started, now);
}
