// generateWeeklyReflection (API.md): the caller's reflection of one week, generated once from the entries the
// projector keeps in reflection_entries, stored with WeeklyReflectionGenerated in the notifications outbox in
// one transaction. Idempotent per week: a second request (or a race) answers the stored one. A premium user's (AI
// insights on: a user who turned them off is treated as on the free plan) is
// written by Claude (with budget left; breaker closed; the reply the schema) before that transaction opens, so
// no lock is held while Claude answers; everyone else's, and every Claude failure's, by the local composition.
import { randomUUID } from 'node:crypto';
import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import { newEvent, type KeyStore } from '@mindflow/events';
import { appendToOutbox } from '@mindflow/event-log';
import type { Logger } from '@mindflow/platform';
import { budgetDay, ClaudeCallFailedError } from '@mindflow/platform/claude';
import { preferencesOf, reflectionOfWeek, type Queryable, type ReflectionRow } from '../subgraph/store/rows.js';
import { composeReflection, daysOfWeek, reflectionGenerator, type ComposedReflection, type ReflectionEntry } from './compose-reflection.js';
import type { ReflectionWriter } from './reflection-writer.js';

/** The events' `source` (as the scheduler's). */
const source = 'notifications';

/** The instant local midnight of `date` is in `timeZone` (the earlier one when a DST change repeats it). */
export function localMidnight(date: string, timeZone: string): Date {
  const utc = Date.parse(`${date}T00:00:00Z`);
  let guess = utc;
  // Two rounds find the offset in force at that local time (one more settles a DST change at midnight).
  for (let i = 0; i < 3; i++) guess = utc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

export const localDay = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** The week has begun (in the caller's zone): a future week has nothing to reflect on yet. */
export async function weekHasBegun(pool: Pool, userId: string, weekStart: string, now: Date): Promise<boolean> {
  const { timeZone } = await preferencesOf(pool, userId);
  return localMidnight(weekStart, timeZone).getTime() <= now.getTime();
}

async function entriesOfWeek(tx: Queryable, userId: string, weekStart: string, timeZone: string): Promise<ReflectionEntry[]> {
  const days = daysOfWeek(weekStart);
  const from = localMidnight(days[0]!, timeZone);
  const to = localMidnight(new Date(Date.parse(`${days[6]!}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), timeZone);
  const { rows } = await tx.query<{ entry_id: string; title: string | null; content: string; mood: string | null; created_at: Date; themes: string[]; sentiment: number | null }>(
    `SELECT entry_id, title, content, mood, created_at, themes, sentiment FROM reflection_entries
     WHERE user_id = $1 AND created_at >= $2 AND created_at < $3 ORDER BY created_at, entry_id`, [userId, from, to]);
  return rows.map((r) => ({
    entryId: r.entry_id, title: r.title, content: r.content, mood: r.mood, createdAt: r.created_at, day: localDay(r.created_at, timeZone), themes: r.themes, sentiment: r.sentiment,
  }));
}

export type ReflectionPlan = 'free' | 'premium';

/** Claude for premium users' reflections: the writer and each user's daily budget of its reflections. */
export interface ClaudeReflections {
  readonly writer: ReflectionWriter;
  /** Claude reflections per premium user and UTC day (0: nobody's); past it, the local composition. */
  readonly dailyBudget: number;
}

/** A week's reflection before it is stored: what it says and who wrote it. */
export interface WeekComposition extends ComposedReflection {
  readonly generatedBy: string;
}

export interface ReflectionRequest {
  readonly userId: string;
  readonly weekStart: string;
  readonly now: Date;
  readonly correlationId: string;
  readonly keys?: KeyStore | undefined;
}

export interface WritingRequest extends ReflectionRequest {
  /** The user's plan: the caller's roles on demand, their latest entry event's `authorPlan` when scheduled. */
  readonly plan: ReflectionPlan;
  /** Absent (no API key): everyone's reflection is the local one. */
  readonly claude?: ClaudeReflections | undefined;
  readonly log?: Logger | undefined;
}

/**
 * Reserves one Claude reflection of the user's budget for `day` if `dailyBudget` allows it: true when reserved.
 * One statement, so concurrent generations cannot overspend (as insights' claude_usage).
 */
export async function reserveReflectionCall(db: Queryable, userId: string, day: string, dailyBudget: number): Promise<boolean> {
  if (dailyBudget <= 0) return false;
  const { rowCount } = await db.query(
    `INSERT INTO reflection_claude_usage (user_id, day, calls) VALUES ($1, $2, 1)
     ON CONFLICT (user_id, day) DO UPDATE SET calls = reflection_claude_usage.calls + 1 WHERE reflection_claude_usage.calls < $3`,
    [userId, day, dailyBudget],
  );
  return rowCount === 1;
}

/** The plan the user's latest entry event said (free when none said one). */
export async function planOf(db: Queryable, userId: string): Promise<ReflectionPlan> {
  const { rows } = await db.query<{ plan: ReflectionPlan }>('SELECT plan FROM reflection_authors WHERE user_id = $1', [userId]);
  return rows[0]?.plan ?? 'free';
}

/** Whether the user wants AI insights, as the insights service last published it (enabled when it never said). */
export async function insightsEnabled(db: Queryable, userId: string): Promise<boolean> {
  const { rows } = await db.query<{ insights_enabled: boolean }>('SELECT insights_enabled FROM reflection_insights_settings WHERE user_id = $1', [userId]);
  return rows[0]?.insights_enabled ?? true;
}

/**
 * The week's reflection as it would be stored, outside any transaction: Claude's words over the local composition
 * for a premium user with AI insights on, a week of entries and budget left, else (and on any Claude failure) the
 * local one.
 * An empty week costs no call: there is nothing to reflect on.
 */
export async function composeWeek(pool: Pool, request: WritingRequest): Promise<WeekComposition> {
  const { userId, weekStart, claude } = request;
  const { timeZone } = await preferencesOf(pool, userId);
  const entries = await entriesOfWeek(pool, userId, weekStart, timeZone);
  const local = composeReflection(weekStart, entries);
  const localOne: WeekComposition = { ...local, generatedBy: reflectionGenerator };
  if (request.plan !== 'premium' || !claude || entries.length === 0) return localOne;
  if (!(await insightsEnabled(pool, userId))) {
    // AI insights off (insights' setting, InsightsSettingChanged): treated as the free plan, nothing sent to Claude
    request.log?.info({ userId, weekStart, why: 'insights-off' }, 'weekly reflection: local (AI insights turned off)');
    return localOne;
  }
  if (!(await reserveReflectionCall(pool, userId, budgetDay(request.now), claude.dailyBudget))) {
    request.log?.info({ userId, weekStart, why: 'budget-spent' }, 'weekly reflection: local (Claude budget spent)');
    return localOne;
  }
  try {
    const written = await claude.writer.write({ weekStart, entries, local });
    return {
      ...local,
      summary: written.summary,
      themes: written.themes.length ? written.themes : local.themes,
      highlightIds: written.highlightIds.length ? written.highlightIds : local.highlightIds,
      generatedBy: claude.writer.name,
    };
  } catch (error) {
    const reason = error instanceof ClaudeCallFailedError ? error.reason : 'unexpected';
    request.log?.warn({ userId, weekStart, reason }, 'weekly reflection: Claude failed; the local composition instead');
    return localOne;
  }
}

/** The caller's reflection of the week starting `weekStart` (a Monday): the stored one, else written and stored now. */
export async function generateWeeklyReflection(pool: Pool, request: WritingRequest): Promise<ReflectionRow> {
  const { userId, weekStart } = request;
  const stored = await reflectionOfWeek(pool, userId, weekStart);
  if (stored) return stored;
  const composed = await composeWeek(pool, request);
  return withTransaction(pool, (tx) => generateWeeklyReflectionIn(tx, { ...request, composed }));
}

/**
 * generateWeeklyReflection inside the caller's transaction (the scheduler's: the reflection commits with its
 * notification): the stored one, else `composed` (written before the transaction), else the local composition.
 */
export async function generateWeeklyReflectionIn(tx: PoolClient, request: ReflectionRequest & { readonly composed?: WeekComposition }): Promise<ReflectionRow> {
  const { userId, weekStart, now } = request;
  // One generation per user and week at a time; the loser of a race answers the winner's.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`weekly_reflection:${userId}:${weekStart}`]);
  const again = await reflectionOfWeek(tx, userId, weekStart);
  if (again) return again;
  let composed = request.composed;
  if (!composed) {
    const { timeZone } = await preferencesOf(tx, userId);
    composed = { ...composeReflection(weekStart, await entriesOfWeek(tx, userId, weekStart, timeZone)), generatedBy: reflectionGenerator };
  }
  const reflection: ReflectionRow = {
    id: randomUUID(), weekStart, entryCount: composed.entryCount, summary: composed.summary, themes: composed.themes,
    moodTrend: composed.moodTrend, highlightIds: composed.highlightIds, generatedBy: composed.generatedBy, generatedAt: now,
  };
  await tx.query(
    `INSERT INTO weekly_reflections (id, user_id, week_start, entry_count, summary, themes, mood_trend, highlight_ids, generated_by, generated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [reflection.id, userId, weekStart, reflection.entryCount, reflection.summary, reflection.themes, JSON.stringify(reflection.moodTrend),
      reflection.highlightIds, reflection.generatedBy, now],
  );
  await appendToOutbox(tx, [newEvent('WeeklyReflectionGenerated', {
    eventId: randomUUID(), occurredAt: now.toISOString(), source, correlationId: request.correlationId, causationId: null, userId,
    aggregateId: reflection.id, aggregateVersion: 1,
    payload: {
      reflectionId: reflection.id, userId, weekStart, entryCount: reflection.entryCount, themes: [...reflection.themes], summary: reflection.summary,
      highlightEntryIds: [...reflection.highlightIds], generatedBy: reflection.generatedBy, generatedAt: now.toISOString(),
    },
  })], { keys: request.keys, skipErased: true }); // sealed summary and themes (issue 16); an erased user's not written
  return reflection;
}
