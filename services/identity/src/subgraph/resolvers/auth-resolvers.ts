import { accountOf } from '../../application/accounts.js';
import type { AuthSession } from '../../application/auth-session.js';
import { logIn } from '../../application/log-in.js';
import { logOut } from '../../application/log-out.js';
import { refreshSession } from '../../application/refresh-session.js';
import { register } from '../../application/register.js';
import { isIdentityError, type IdentityError } from '../../domain/identity-error.js';
import type { IdentityContext } from '../context.js';
import { signInRequired, toGraphQLError } from '../errors.js';
import { clearedRefreshCookie, refreshCookie } from '../refresh-cookie.js';

/** AuthPayload for the body; the refresh token goes into the cookie only. */
function signedIn(result: AuthSession | IdentityError, context: IdentityContext) {
  if (isIdentityError(result)) {
    if (result.code === 'UNAUTHENTICATED' && context.refreshToken) context.setCookies.push(clearedRefreshCookie());
    throw toGraphQLError(result);
  }
  context.setCookies.push(refreshCookie(result.refreshToken, result.refreshExpiresAt, context.env.now()));
  return { accessToken: result.accessToken, expiresAt: result.expiresAt, user: result.user };
}

export const Query = {
  async me(_: unknown, __: unknown, context: IdentityContext) {
    if (!context.caller) throw signInRequired();
    return accountOf(context.env, context.caller.userId);
  },
};

export const Mutation = {
  async register(_: unknown, args: { email: string; password: string; name?: string | null }, context: IdentityContext) {
    return signedIn(await register(context.env, args, context.request), context);
  },
  async login(_: unknown, args: { email: string; password: string }, context: IdentityContext) {
    return signedIn(await logIn(context.env, args, context.request), context);
  },
  async refreshSession(_: unknown, __: unknown, context: IdentityContext) {
    return signedIn(await refreshSession(context.env, context.refreshToken), context);
  },
  async logout(_: unknown, args: { everywhere?: boolean | null }, context: IdentityContext) {
    const caller = context.caller ? { userId: context.caller.userId, sessionId: context.sessionId } : undefined;
    const result = await logOut(context.env, { refreshToken: context.refreshToken, caller, everywhere: args.everywhere ?? false });
    context.setCookies.push(clearedRefreshCookie());
    if (isIdentityError(result)) throw toGraphQLError(result);
    return result.sessionsEnded > 0;
  },
};
