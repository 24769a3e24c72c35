import type { SubgraphContext } from '../context.js';
import { latestInsights, moodTrendOf, recentEntries, streakOf, taskStatsBetween } from './analytics-reads.js';

/** `Query.dashboard` answers this marker; each field reads only when asked for. */
export interface DashboardRoot {
  readonly dashboard: true;
}

export const Dashboard = {
  recentEntries: (_root: DashboardRoot, _args: unknown, context: SubgraphContext) => recentEntries(context),
  moodTrend: (_root: DashboardRoot, _args: unknown, context: SubgraphContext) => moodTrendOf(context, 30),
  streak: (_root: DashboardRoot, _args: unknown, context: SubgraphContext) => streakOf(context),
  taskStats: (_root: DashboardRoot, args: { from?: string | null; to?: string | null }, context: SubgraphContext) =>
    taskStatsBetween(context, args.from ?? null, args.to ?? null),
  latestInsights: (_root: DashboardRoot, _args: unknown, context: SubgraphContext) => latestInsights(context),
};
