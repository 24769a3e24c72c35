import { maxTrendDays, moodTrend, trendStart, type MoodDay } from '../../analytics/mood-trend.js';
import { streak } from '../../analytics/streak.js';
import { utcDay } from '../../analytics/utc-days.js';
import { authenticated, type SubgraphContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { latestInsightsOf, moodDaysOf, streakDaysOf, taskStatsOf, type TaskStats } from '../read-model/analytics-reads.js';
import { recentEntriesOf } from '../read-model/entry-reads.js';
import type { EntryRecord } from '../read-model/records.js';

// The caller's analytics, through the read cache (cache/cached-read.ts). "Today" is the UTC day of the
// request: analytics group entries by UTC day (CONVENTIONS.md).

const cacheOf = (context: SubgraphContext) => {
  const { caller } = authenticated(context);
  return { userId: caller.userId, cache: context.cache! };
};

export async function moodTrendOf(context: SubgraphContext, days: number): Promise<MoodDay[]> {
  if (!Number.isInteger(days) || days < 1 || days > maxTrendDays) throw badUserInput(`days must be 1 to ${maxTrendDays}`, 'days');
  const { userId, cache } = cacheOf(context);
  const today = utcDay(new Date());
  const from = trendStart(today, days);
  const recorded = await cache.read(`mood:${from}:${today}`, () => moodDaysOf(context.pool, userId, from, today));
  return moodTrend(recorded, today, days);
}

export async function streakOf(context: SubgraphContext): Promise<number> {
  const { userId, cache } = cacheOf(context);
  const today = utcDay(new Date());
  return cache.read(`streak:${today}`, async () => streak(await streakDaysOf(context.pool, userId, today), today));
}

export function taskStatsBetween(context: SubgraphContext, from: string | null, to: string | null): Promise<TaskStats> {
  if (from !== null && to !== null && to < from) throw badUserInput('to must not be before from', 'to');
  const { userId, cache } = cacheOf(context);
  return cache.read(`tasks:${from ?? ''}:${to ?? ''}`, () => taskStatsOf(context.pool, userId, from, to));
}

export const dashboardSize = 5;

export function recentEntries(context: SubgraphContext): Promise<EntryRecord[]> {
  const { userId, cache } = cacheOf(context);
  return cache.read('recent-entries', () => recentEntriesOf(context.pool, userId, dashboardSize), reviveEntries);
}

export async function latestInsights(context: SubgraphContext): Promise<{ __typename: 'Insights'; entryId: string }[]> {
  const { userId, cache } = cacheOf(context);
  const entryIds = await cache.read('latest-insights', () => latestInsightsOf(context.pool, userId, dashboardSize));
  return entryIds.map((entryId) => ({ __typename: 'Insights', entryId }));
}

/** Entries come back from the cache as JSON: their instants as strings. */
function reviveEntries(cached: unknown): EntryRecord[] {
  return (cached as EntryRecord[]).map((entry) => ({ ...entry, createdAt: new Date(entry.createdAt), updatedAt: new Date(entry.updatedAt) }));
}
