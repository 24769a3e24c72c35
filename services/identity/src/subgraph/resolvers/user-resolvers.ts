import { accountOf } from '../../application/accounts.js';
import type { UserAccount } from '../../adapters/pg/user-rows.js';
import type { IdentityContext } from '../context.js';

/** Identity owns `User`: a caller may resolve only their own account; anyone else's reference is null. */
export const User = {
  async __resolveReference(reference: { id: string }, context: IdentityContext) {
    if (!context.caller || reference.id.toLowerCase() !== context.caller.userId.toLowerCase()) return null;
    return accountOf(context.env, context.caller.userId);
  },
  roles: (user: UserAccount) => user.roles,
};
