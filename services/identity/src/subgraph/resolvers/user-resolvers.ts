import { accountOf } from '../../application/accounts.js';
import type { UserResolvers } from '../generated/resolvers-types.js';

/** Identity owns `User`: a caller may resolve only their own account; anyone else's reference is null. */
export const User: UserResolvers = {
  async __resolveReference(reference, context) {
    if (!context.caller || reference.id.toLowerCase() !== context.caller.userId.toLowerCase()) return null;
    return accountOf(context.env, context.caller.userId);
  },
  roles: (user) => user.roles,
};
