import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import type { KeyStore, NotificationKind } from '@mindflow/events';
import { appendToOutbox } from '@mindflow/event-log';
import { generateScheduledReflection } from '../../reflection/reflection-generator.js';
import type { DueFiring, FiringTransaction, NewDelivery, NewNotification, NextFiring, ScheduleStore } from '../../application/ports/schedule-store.js';

/**
 * The notifications DB behind the scheduler's port. With `keys`, the events it appends (NotificationCreated: title,
 * body; WeeklyReflectionGenerated) are sealed with their owner's data key (issue 16); an erased user's are not written.
 */
export function pgScheduleStore(pool: Pool, keys?: KeyStore): ScheduleStore {
  return {
    transaction: (work) =>
      withTransaction(pool, async (tx) => {
        // Each delivery row's foreign-key check (`notification_deliveries` → `notifications`) runs a plan the
        // connection caches at its first use: planned while `notifications` was a few pages (a fresh database, the
        // benchmark's phases), it stays a sequential scan as the table grows, until autovacuum invalidates it — 2 ms
        // a row at 5,000 notifications, 12 ms at 20,000 (BENCHMARKS.md, "Reminders"). Planned for each check, it is
        // the primary-key lookup whatever the size when the connection first checked.
        await tx.query('SET LOCAL plan_cache_mode = force_custom_plan');
        return work(firingTransaction(tx, keys));
      }),
    async nextFireAt() {
      const { rows } = await pool.query<{ at: Date | null }>('SELECT min(fire_at) AS at FROM scheduled_notifications');
      return rows[0]?.at ?? undefined;
    },
  };
}

function firingTransaction(tx: PoolClient, keys: KeyStore | undefined): FiringTransaction {
  return {
    claimDue: (limit, now) => claimDue(tx, limit, now),
    insertNotifications: (notifications) => insertNotifications(tx, notifications),
    insertDeliveries: (deliveries) => insertDeliveries(tx, deliveries),
    appendEvents: (events) => appendToOutbox(tx, events, { keys, skipErased: true }),
    moveOn: (moves, now) => moveOn(tx, moves, now),
    async weeklyReflection(request) {
      await tx.query('SAVEPOINT weekly_reflection');
      try {
        const id = await generateScheduledReflection(tx, request, keys);
        await tx.query('RELEASE SAVEPOINT weekly_reflection');
        return id;
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT weekly_reflection');
        throw error;
      }
    },
  };
}

interface DueRow {
  key: string;
  user_id: string;
  kind: NotificationKind;
  subject_id: string | null;
  occurrence: string;
  fire_at: Date;
  time_zone: string | null;
  quiet_start: string | null;
  quiet_end: string | null;
  journal_prompt_at: string | null;
  weekly_reflection_on: number | null;
  channels: Record<string, string[]> | null;
  email_unsubscribed: boolean | null;
  has_preferences: boolean;
  has_email: boolean;
  webhooks: { id: string; kinds: string[] }[];
  task_id: string | null;
  title: string | null;
  date: string | null;
  due_time: string | null;
  recurrence: unknown;
  remind_at: Date | null;
  minutes_before: number | null;
  completed: boolean | null;
  completed_occurrences: string[] | null;
  recent_themes: string[];
}

/**
 * Locks the earliest due rows no other transaction holds (SKIP LOCKED: instances share the work without waiting
 * on each other), with the user's preferences, address, live webhooks and, for task rows, the task's plan.
 */
async function claimDue(tx: PoolClient, limit: number, now: Date): Promise<DueFiring[]> {
  const { rows } = await tx.query<DueRow>(
    `WITH due AS (
       SELECT key, user_id, kind, subject_id, occurrence, fire_at FROM scheduled_notifications
        WHERE fire_at <= $1 ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED
     )
     SELECT d.key, d.user_id, d.kind, d.subject_id, d.occurrence, d.fire_at,
            p.user_id IS NOT NULL AS has_preferences, p.time_zone,
            to_char(p.quiet_start, 'HH24:MI') AS quiet_start, to_char(p.quiet_end, 'HH24:MI') AS quiet_end,
            to_char(p.journal_prompt_at, 'HH24:MI') AS journal_prompt_at, p.weekly_reflection_on, p.channels, p.email_unsubscribed,
            r.user_id IS NOT NULL AS has_email,
            COALESCE((SELECT json_agg(json_build_object('id', w.id, 'kinds', w.kinds)) FROM webhooks w
                       WHERE w.user_id = d.user_id AND w.disabled_at IS NULL AND w.deleted_at IS NULL), '[]'::json) AS webhooks,
            t.task_id, t.title, t.date::text AS date, to_char(t.due_time, 'HH24:MI') AS due_time, t.recurrence, t.remind_at,
            t.minutes_before, t.completed, t.completed_occurrences::text[] AS completed_occurrences,
            CASE WHEN d.kind = 'JOURNAL_PROMPT' THEN
              (SELECT COALESCE(array_agg(x.theme ORDER BY x.n DESC, x.theme), '{}') FROM (
                 SELECT th AS theme, count(*) AS n FROM reflection_entries e, unnest(e.themes) AS th
                  WHERE e.user_id = d.user_id AND e.created_at > d.fire_at - interval '14 days'
                  GROUP BY th ORDER BY n DESC, th LIMIT 3) x)
            ELSE '{}' END AS recent_themes
       FROM due d
       LEFT JOIN notification_preferences p ON p.user_id = d.user_id
       LEFT JOIN notification_recipients r ON r.user_id = d.user_id
       LEFT JOIN task_reminders t ON d.key LIKE 'task:%' AND t.task_id = d.subject_id
      ORDER BY d.fire_at`,
    [now, limit],
  );
  return rows.map((row) => ({
    key: row.key,
    userId: row.user_id,
    kind: row.kind,
    subjectId: row.subject_id,
    occurrence: row.occurrence,
    fireAt: row.fire_at,
    preferences: row.has_preferences
      ? {
          timeZone: row.time_zone ?? 'UTC',
          quietStart: row.quiet_start,
          quietEnd: row.quiet_end,
          journalPromptAt: row.journal_prompt_at,
          weeklyReflectionOn: row.weekly_reflection_on,
          channels: row.channels ?? {},
          emailUnsubscribed: row.email_unsubscribed ?? false,
        }
      : null,
    hasEmail: row.has_email,
    webhooks: row.webhooks,
    recentThemes: row.recent_themes,
    task:
      row.task_id && row.title !== null && row.date !== null
        ? {
            taskId: row.task_id,
            title: row.title,
            date: row.date,
            dueTime: row.due_time,
            recurrence: row.recurrence ?? null,
            remindAt: row.remind_at,
            minutesBefore: row.minutes_before,
            completed: row.completed ?? false,
            completedOccurrences: row.completed_occurrences ?? [],
          }
        : null,
  }));
}

async function insertNotifications(tx: PoolClient, notifications: readonly NewNotification[]): Promise<ReadonlySet<string>> {
  if (notifications.length === 0) return new Set();
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO notifications (id, user_id, kind, title, body, subject_type, subject_id, dedupe_key, version, created_at)
     SELECT id, user_id, kind, title, body, subject_type, subject_id, dedupe_key, 1, created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::timestamptz[])
            AS n (id, user_id, kind, title, body, subject_type, subject_id, dedupe_key, created_at)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [
      notifications.map((n) => n.id),
      notifications.map((n) => n.userId),
      notifications.map((n) => n.kind),
      notifications.map((n) => n.title),
      notifications.map((n) => n.body),
      notifications.map((n) => n.subjectType),
      notifications.map((n) => n.subjectId),
      notifications.map((n) => n.dedupeKey),
      notifications.map((n) => n.createdAt),
    ],
  );
  return new Set(rows.map((row) => row.id));
}

async function insertDeliveries(tx: PoolClient, deliveries: readonly NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await tx.query(
    `INSERT INTO notification_deliveries (notification_id, channel, target, status, next_attempt_at)
     SELECT notification_id, channel, target, 'pending', next_attempt_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS d (notification_id, channel, target, next_attempt_at)
     ON CONFLICT DO NOTHING`,
    [deliveries.map((d) => d.notificationId), deliveries.map((d) => d.channel), deliveries.map((d) => d.target), deliveries.map((d) => d.nextAttemptAt)],
  );
}

async function moveOn(tx: PoolClient, moves: readonly { readonly key: string; readonly next: NextFiring }[], now: Date): Promise<void> {
  const gone = moves.filter((m) => m.next === null).map((m) => m.key);
  const moved = moves.flatMap((m) => (m.next ? [{ key: m.key, ...m.next }] : []));
  if (gone.length > 0) await tx.query('DELETE FROM scheduled_notifications WHERE key = ANY($1::text[])', [gone]);
  if (moved.length > 0) {
    await tx.query(
      `UPDATE scheduled_notifications s SET fire_at = m.fire_at, occurrence = m.occurrence, updated_at = $4
         FROM unnest($1::text[], $2::timestamptz[], $3::text[]) AS m (key, fire_at, occurrence)
        WHERE s.key = m.key`,
      [moved.map((m) => m.key), moved.map((m) => m.fireAt), moved.map((m) => m.occurrence), now],
    );
  }
}
