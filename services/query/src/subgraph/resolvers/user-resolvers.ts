import { authenticated, type SubgraphContext } from '../context.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { toConnection } from '../read-model/connection.js';
import { decodeCursor, pageSize } from '../read-model/cursor.js';
import { journalsOf } from '../read-model/journal-reads.js';
import { moodTrendOf, streakOf } from '../cache/cached-analytics.js';

/** `User` is owned by identity; here it gains `journals` and analytics, which are only ever the caller's own. */
export const User: UserResolvers = {
  __resolveReference(reference) {
    return { id: reference.id };
  },
  journals(user, args, context) {
    const { caller } = authenticated(context);
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    if (user.id.toLowerCase() !== caller.userId.toLowerCase()) return toConnection([], size, () => Promise.resolve(0));
    return journalsOf(context.pool, caller.userId, size, after);
  },
  moodTrend(user, args, context) {
    if (!isCaller(user, context)) return [];
    return moodTrendOf(context, args.days ?? 30);
  },
  streak(user, _args, context) {
    return isCaller(user, context) ? streakOf(context) : 0;
  },
};

const isCaller = (user: { id: string }, context: SubgraphContext) => user.id.toLowerCase() === authenticated(context).caller.userId.toLowerCase();
