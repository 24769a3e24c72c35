import { requestPasswordReset, resetPassword } from '../../application/password-reset.js';
import { isIdentityError } from '../../domain/identity-error.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { toGraphQLError } from '../errors.js';
import { clearedRefreshCookie } from '../refresh-cookie.js';

/** Forgotten passwords (signed out: open fields of the subgraph). */
export const passwordResetMutations: Pick<MutationResolvers, 'requestPasswordReset' | 'resetPassword'> = {
  async requestPasswordReset(_, { email }, context) {
    const result = await requestPasswordReset(context.env, email, context.request);
    if (isIdentityError(result)) throw toGraphQLError(result);
    return result;
  },
  async resetPassword(_, { token, newPassword }, context) {
    const result = await resetPassword(context.env, { token, newPassword }, context.request);
    if (isIdentityError(result)) throw toGraphQLError(result);
    // this browser's sign-in ended with the others: its refresh cookie goes too
    context.setCookies.push(clearedRefreshCookie());
    return true;
  },
};
