// generateWeeklyReflection (API.md): the caller's reflection of one week, generated once from the entries the
// projector keeps in reflection_entries, stored with WeeklyReflectionGenerated in the notifications outbox in
// one transaction. Idempotent per week: a second request (or a race) answers the stored one.
import { randomUUID } from 'node:crypto';
import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import { newEvent, type KeyStore } from '@mindflow/events';
import { appendToOutbox } from '@mindflow/event-log';
import { preferencesOf, reflectionOfWeek, type ReflectionRow } from '../subgraph/store/rows.js';
import { composeReflection, daysOfWeek, reflectionGenerator, type ReflectionEntry } from './compose-reflection.js';

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

async function entriesOfWeek(tx: PoolClient, userId: string, weekStart: string, timeZone: string): Promise<ReflectionEntry[]> {
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

/** The caller's reflection of the week starting `weekStart` (a Monday): the stored one, else generated now. */
export async function generateWeeklyReflection(
  pool: Pool,
  request: { readonly userId: string; readonly weekStart: string; readonly now: Date; readonly correlationId: string; readonly keys?: KeyStore | undefined },
): Promise<ReflectionRow> {
  const { userId, weekStart } = request;
  const stored = await reflectionOfWeek(pool, userId, weekStart);
  if (stored) return stored;
  return withTransaction(pool, (tx) => generateWeeklyReflectionIn(tx, request));
}

/** generateWeeklyReflection inside the caller's transaction (the scheduler's: the reflection commits with its notification). */
export async function generateWeeklyReflectionIn(
  tx: PoolClient,
  request: { readonly userId: string; readonly weekStart: string; readonly now: Date; readonly correlationId: string; readonly keys?: KeyStore | undefined },
): Promise<ReflectionRow> {
  const { userId, weekStart, now } = request;
  // One generation per user and week at a time; the loser of a race answers the winner's.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`weekly_reflection:${userId}:${weekStart}`]);
  const again = await reflectionOfWeek(tx, userId, weekStart);
  if (again) return again;
  const { timeZone } = await preferencesOf(tx, userId);
  const composed = composeReflection(weekStart, await entriesOfWeek(tx, userId, weekStart, timeZone));
  const reflection: ReflectionRow = {
    id: randomUUID(), weekStart, entryCount: composed.entryCount, summary: composed.summary, themes: composed.themes,
    moodTrend: composed.moodTrend, highlightIds: composed.highlightIds, generatedBy: reflectionGenerator, generatedAt: now,
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
