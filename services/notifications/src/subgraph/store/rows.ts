// What the subgraph reads from and writes to the notifications DB (0001-notifications.sql), always for one
// user: every statement takes the caller's id as a parameter and filters by it.
import type { Pool, PoolClient } from '@mindflow/db';

export type Queryable = Pool | PoolClient;

export const notificationKinds = ['TASK_DUE', 'JOURNAL_PROMPT', 'WEEKLY_REFLECTION', 'INSIGHTS_READY'] as const;
export type Kind = (typeof notificationKinds)[number];
export const channelNames = ['IN_APP', 'EMAIL', 'WEBHOOK'] as const;
export type Channel = (typeof channelNames)[number];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from clients: a malformed one names nothing (never a database error). */
export const isUuid = (id: string): boolean => uuid.test(id);

// ---- notifications --------------------------------------------------------------------------------------

export interface NotificationRow {
  readonly id: string;
  readonly kind: Kind;
  readonly title: string;
  readonly body: string;
  readonly subjectType: 'Task' | 'Entry' | 'WeeklyReflection' | null;
  readonly subjectId: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

interface NotificationDbRow {
  id: string;
  kind: Kind;
  title: string;
  body: string;
  subject_type: NotificationRow['subjectType'];
  subject_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

const notificationColumns = 'id, kind, title, body, subject_type, subject_id, created_at, read_at';
const toNotification = (r: NotificationDbRow): NotificationRow => ({
  id: r.id, kind: r.kind, title: r.title, body: r.body, subjectType: r.subject_type, subjectId: r.subject_id, createdAt: r.created_at, readAt: r.read_at,
});

/** Where a page continues: after this (createdAt, id) in newest-first order. */
export interface NotificationCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export async function notificationsPage(
  db: Queryable,
  userId: string,
  page: { first: number; after: NotificationCursor | null; unreadOnly: boolean },
): Promise<{ rows: NotificationRow[]; hasNextPage: boolean; totalCount: number }> {
  const unread = page.unreadOnly ? 'AND read_at IS NULL' : '';
  const params: unknown[] = [userId, page.first + 1];
  let after = '';
  if (page.after) {
    params.push(page.after.createdAt, page.after.id);
    after = 'AND (created_at, id) < ($3, $4)';
  }
  const [rows, count] = await Promise.all([
    db.query<NotificationDbRow>(
      `SELECT ${notificationColumns} FROM notifications WHERE user_id = $1 ${unread} ${after}
       ORDER BY created_at DESC, id DESC LIMIT $2`, params),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 ${unread}`, [userId]),
  ]);
  return { rows: rows.rows.slice(0, page.first).map(toNotification), hasNextPage: rows.rows.length > page.first, totalCount: count.rows[0]!.n };
}

export async function notificationOf(db: Queryable, userId: string, id: string): Promise<NotificationRow | null> {
  if (!isUuid(id)) return null;
  const result = await db.query<NotificationDbRow>(`SELECT ${notificationColumns} FROM notifications WHERE user_id = $1 AND id = $2`, [userId, id]);
  return result.rows[0] ? toNotification(result.rows[0]) : null;
}

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  const result = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
  return result.rows[0]!.n;
}

/** Marks the caller's unread notifications `ids` (or all of them) read at `now`; how many it marked. */
export async function markRead(db: Queryable, userId: string, which: { ids: readonly string[] } | 'all', now: Date): Promise<number> {
  if (which === 'all') {
    const result = await db.query('UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL', [userId, now]);
    return result.rowCount ?? 0;
  }
  const ids = [...new Set(which.ids.filter(isUuid).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return 0;
  const result = await db.query('UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL', [userId, ids, now]);
  return result.rowCount ?? 0;
}

// ---- preferences ------------------------------------------------------------------------------------------

export interface PreferencesRow {
  readonly timeZone: string;
  /** "HH:MM" */
  readonly journalPromptAt: string | null;
  readonly weeklyReflectionOn: number | null;
  readonly quietHours: { readonly start: string; readonly end: string } | null;
  /** Per kind, the channels chosen (kinds without an entry: the default). */
  readonly channels: Partial<Record<Kind, readonly Channel[]>>;
}

/**
 * A kind the user chose nothing for goes out on every channel, as the delivery side's channel choice has it
 * (domain/channels.ts `defaultChannels`; WEBHOOK reaches only webhooks subscribed to the kind).
 */
export const defaultChannels: readonly Channel[] = ['IN_APP', 'EMAIL', 'WEBHOOK'];

const hhmm = (time: string | null): string | null => (time === null ? null : time.slice(0, 5));

export async function preferencesOf(db: Queryable, userId: string): Promise<PreferencesRow> {
  const result = await db.query<{
    time_zone: string; journal_prompt_at: string | null; weekly_reflection_on: number | null;
    quiet_start: string | null; quiet_end: string | null; channels: Partial<Record<Kind, Channel[]>>;
  }>('SELECT time_zone, journal_prompt_at::text, weekly_reflection_on, quiet_start::text, quiet_end::text, channels FROM notification_preferences WHERE user_id = $1', [userId]);
  const row = result.rows[0];
  if (!row) return { timeZone: 'UTC', journalPromptAt: null, weeklyReflectionOn: null, quietHours: null, channels: {} };
  return {
    timeZone: row.time_zone,
    journalPromptAt: hhmm(row.journal_prompt_at),
    weeklyReflectionOn: row.weekly_reflection_on,
    quietHours: row.quiet_start !== null && row.quiet_end !== null ? { start: hhmm(row.quiet_start)!, end: hhmm(row.quiet_end)! } : null,
    channels: row.channels,
  };
}

/**
 * Replaces the caller's preferences. The unsubscribe flag (set by an email's unsubscribe link) stays as it is,
 * unless `resubscribeEmail`: the caller chose EMAIL for some kind, which clears it (email is sent again).
 */
export async function savePreferences(db: Queryable, userId: string, preferences: PreferencesRow, now: Date, resubscribeEmail = false): Promise<void> {
  await db.query(
    `INSERT INTO notification_preferences (user_id, time_zone, journal_prompt_at, weekly_reflection_on, quiet_start, quiet_end, channels, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, journal_prompt_at = EXCLUDED.journal_prompt_at,
       weekly_reflection_on = EXCLUDED.weekly_reflection_on, quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,
       channels = EXCLUDED.channels, updated_at = EXCLUDED.updated_at,
       email_unsubscribed = CASE WHEN $9::boolean THEN false ELSE notification_preferences.email_unsubscribed END`,
    [userId, preferences.timeZone, preferences.journalPromptAt, preferences.weeklyReflectionOn,
      preferences.quietHours?.start ?? null, preferences.quietHours?.end ?? null, JSON.stringify(preferences.channels), now, resubscribeEmail],
  );
}

/** Locks the caller's preferences row (if any) so two writes of them run one after the other. */
export async function lockPreferences(db: Queryable, userId: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`notification_preferences:${userId}`]);
}

// ---- webhooks ---------------------------------------------------------------------------------------------

export interface WebhookRow {
  readonly id: string;
  readonly url: string;
  readonly kinds: readonly Kind[];
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
}

interface WebhookDbRow { id: string; url: string; kinds: Kind[]; created_at: Date; disabled_at: Date | null }
const toWebhook = (r: WebhookDbRow): WebhookRow => ({ id: r.id, url: r.url, kinds: r.kinds, createdAt: r.created_at, disabledAt: r.disabled_at });

/** The caller's live webhooks, oldest first (the secret is never read back). */
export async function webhooksOf(db: Queryable, userId: string): Promise<WebhookRow[]> {
  const result = await db.query<WebhookDbRow>(
    'SELECT id, url, kinds, created_at, disabled_at FROM webhooks WHERE user_id = $1 AND deleted_at IS NULL ORDER BY created_at, id', [userId]);
  return result.rows.map(toWebhook);
}

/** Locks the caller's webhooks (until the transaction ends) so that counting them and adding one is atomic. */
export async function lockWebhooks(db: Queryable, userId: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`webhooks:${userId}`]);
}

export async function insertWebhook(db: Queryable, userId: string, webhook: WebhookRow & { secret: string }): Promise<void> {
  await db.query('INSERT INTO webhooks (id, user_id, url, kinds, secret, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [webhook.id, userId, webhook.url, webhook.kinds, webhook.secret, webhook.createdAt]);
}

/** Marks one of the caller's live webhooks deleted; its deletion time, or null when the caller has no such webhook. */
export async function markWebhookDeleted(db: Queryable, userId: string, id: string, now: Date): Promise<Date | null> {
  if (!isUuid(id)) return null;
  const result = await db.query<{ deleted_at: Date }>(
    'UPDATE webhooks SET deleted_at = $3 WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING deleted_at', [userId, id, now]);
  return result.rows[0]?.deleted_at ?? null;
}

export interface WebhookDeliveryRow {
  readonly id: string;
  readonly notificationId: string;
  readonly attempt: number;
  readonly at: Date;
  readonly status: number | null;
  readonly ok: boolean;
  readonly error: string | null;
}

/** A webhook's latest attempts, newest first; only ever of the caller's webhook. */
export async function deliveriesOf(db: Queryable, userId: string, webhookId: string, first: number): Promise<WebhookDeliveryRow[]> {
  const result = await db.query<{ id: string; notification_id: string; attempt: number; at: Date; status: number | null; ok: boolean; error: string | null }>(
    `SELECT d.id, d.notification_id, d.attempt, d.at, d.status, d.ok, d.error
     FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
     WHERE w.user_id = $1 AND d.webhook_id = $2 ORDER BY d.at DESC, d.id DESC LIMIT $3`, [userId, webhookId, first]);
  return result.rows.map((r) => ({ id: r.id, notificationId: r.notification_id, attempt: r.attempt, at: r.at, status: r.status, ok: r.ok, error: r.error }));
}

// ---- weekly reflections ----------------------------------------------------------------------------------

export interface ReflectionRow {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly weekStart: string;
  readonly entryCount: number;
  readonly summary: string;
  readonly themes: readonly string[];
  readonly moodTrend: unknown;
  readonly highlightIds: readonly string[];
  readonly generatedBy: string;
  readonly generatedAt: Date;
}

interface ReflectionDbRow {
  id: string; week_start: string; entry_count: number; summary: string; themes: string[]; mood_trend: unknown;
  highlight_ids: string[]; generated_by: string; generated_at: Date;
}
const reflectionColumns = 'id, week_start::text, entry_count, summary, themes, mood_trend, highlight_ids, generated_by, generated_at';
const toReflection = (r: ReflectionDbRow): ReflectionRow => ({
  id: r.id, weekStart: r.week_start, entryCount: r.entry_count, summary: r.summary, themes: r.themes, moodTrend: r.mood_trend,
  highlightIds: r.highlight_ids, generatedBy: r.generated_by, generatedAt: r.generated_at,
});

export async function reflectionsPage(
  db: Queryable,
  userId: string,
  page: { first: number; afterWeek: string | null },
): Promise<{ rows: ReflectionRow[]; hasNextPage: boolean; totalCount: number }> {
  const params: unknown[] = [userId, page.first + 1];
  if (page.afterWeek) params.push(page.afterWeek);
  const [rows, count] = await Promise.all([
    db.query<ReflectionDbRow>(
      `SELECT ${reflectionColumns} FROM weekly_reflections WHERE user_id = $1 ${page.afterWeek ? 'AND week_start < $3::date' : ''}
       ORDER BY week_start DESC LIMIT $2`, params),
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM weekly_reflections WHERE user_id = $1', [userId]),
  ]);
  return { rows: rows.rows.slice(0, page.first).map(toReflection), hasNextPage: rows.rows.length > page.first, totalCount: count.rows[0]!.n };
}

export async function reflectionOf(db: Queryable, userId: string, id: string): Promise<ReflectionRow | null> {
  if (!isUuid(id)) return null;
  const result = await db.query<ReflectionDbRow>(`SELECT ${reflectionColumns} FROM weekly_reflections WHERE user_id = $1 AND id = $2`, [userId, id]);
  return result.rows[0] ? toReflection(result.rows[0]) : null;
}

/** Of `entryIds`, those still among the caller's entries (a deleted entry is no highlight any more), in order. */
export async function liveEntryIds(db: Queryable, userId: string, entryIds: readonly string[]): Promise<string[]> {
  if (entryIds.length === 0) return [];
  const { rows } = await db.query<{ entry_id: string }>('SELECT entry_id FROM reflection_entries WHERE user_id = $1 AND entry_id = ANY($2::uuid[])', [userId, entryIds]);
  const live = new Set(rows.map((r) => r.entry_id));
  return entryIds.filter((id) => live.has(id));
}

export async function reflectionOfWeek(db: Queryable, userId: string, weekStart: string): Promise<ReflectionRow | null> {
  const result = await db.query<ReflectionDbRow>(`SELECT ${reflectionColumns} FROM weekly_reflections WHERE user_id = $1 AND week_start = $2::date`, [userId, weekStart]);
  return result.rows[0] ? toReflection(result.rows[0]) : null;
}
