import { accountOf } from '../../application/accounts.js';
import { deleteAccount } from '../../application/delete-account.js';
import type { AuthSession } from '../../application/auth-session.js';
import { logIn } from '../../application/log-in.js';
import { logOut } from '../../application/log-out.js';
import { refreshSession } from '../../application/refresh-session.js';
import { register } from '../../application/register.js';
import { isIdentityError, type IdentityError } from '../../domain/identity-error.js';
import type { IdentityContext } from '../context.js';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.js';
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

export const Query: QueryResolvers = {
  async me(_, __, context) {
    if (!context.caller) throw signInRequired();
    return accountOf(context.env, context.caller.userId);
  },
};

export const Mutation: MutationResolvers = {
  async register(_, args, context) {
    return signedIn(await register(context.env, args, context.request), context);
  },
  async login(_, args, context) {
    return signedIn(await logIn(context.env, args, context.request), context);
  },
  async refreshSession(_, __, context) {
    return signedIn(await refreshSession(context.env, context.refreshToken), context);
  },
  async logout(_, args, context) {
    const caller = context.caller ? { userId: context.caller.userId, sessionId: context.sessionId } : undefined;
    const result = await logOut(context.env, { refreshToken: context.refreshToken, caller, everywhere: args.everywhere ?? false });
    context.setCookies.push(clearedRefreshCookie());
    if (isIdentityError(result)) throw toGraphQLError(result);
    return result.sessionsEnded > 0;
  },
  async deleteAccount(_, args, context) {
    if (!context.caller) throw signInRequired();
    const result = await deleteAccount(context.env, context.caller.userId, args.password, context.request);
    if (isIdentityError(result)) throw toGraphQLError(result);
    context.setCookies.push(clearedRefreshCookie());
    return result;
  },
};
