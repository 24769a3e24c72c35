import type { DashboardResolvers } from '../generated/resolvers-types.js';
import { latestInsights, moodTrendOf, recentEntries, streakOf, taskStatsBetween } from '../cache/cached-analytics.js';

/** `Query.dashboard` answers this marker; each field reads only when asked for. */
export interface DashboardRoot {
  readonly dashboard: true;
}

export const Dashboard: DashboardResolvers = {
  recentEntries: (_root, _args, context) => recentEntries(context),
  moodTrend: (_root, _args, context) => moodTrendOf(context, 30),
  streak: (_root, _args, context) => streakOf(context),
  taskStats: (_root, args, context) =>
    taskStatsBetween(context, args.from ?? null, args.to ?? null),
  latestInsights: (_root, _args, context) => latestInsights(context),
};
