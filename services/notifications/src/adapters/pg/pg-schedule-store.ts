import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import { KeyDestroyedError, sealEvent, type KeyStore, type NotificationKind, type StoredEvent, type AnyEvent } from '@mindflow/events';
import { appendToOutbox } from '@mindflow/event-log';
import { currentTraceparent } from '@mindflow/platform';
import { generateScheduledReflection } from '../../reflection/reflection-generator.js';
import type {
  DueFiring, FiringTransaction, FlippedFiring, NewDelivery, NewNotification, NextFiring, PreparedFiring, ScheduleStore,
} from '../../application/ports/schedule-store.js';

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
    async dropStale(now, graceMs) {
      const { rowCount } = await pool.query('DELETE FROM prepared_firings WHERE fire_at <= $1', [new Date(now.getTime() - graceMs)]);
      return rowCount ?? 0;
    },
  };
}

function firingTransaction(tx: PoolClient, keys: KeyStore | undefined): FiringTransaction {
  return {
    claimDue: (limit, now, options) => claimDue(tx, limit, now, options?.skipStagedWithinMs),
    claimAhead: (limit, now, until) => claimAhead(tx, limit, now, until),
    stage: (firings, now) => stage(tx, firings, now, keys),
    flipDue: (limit, now, graceMs) => flipDue(tx, limit, now, graceMs),
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
 * on each other), with the user's preferences, address, live webhooks and, for task rows, the task's plan. With
 * `skipStagedWithinMs`, rows whose staged firing (the look-ahead) is still usable are left to `flipDue`.
 */
async function claimDue(tx: PoolClient, limit: number, now: Date, skipStagedWithinMs?: number): Promise<DueFiring[]> {
  const skipStaged = skipStagedWithinMs === undefined ? '' : `
          AND NOT EXISTS (SELECT 1 FROM prepared_firings p WHERE p.key = s.key AND p.occurrence = s.occurrence AND p.fire_at = s.fire_at
                             AND p.fire_at > $1::timestamptz - make_interval(secs => $3::double precision / 1000))`;
  return claimWith(tx, `fire_at <= $1${skipStaged}`, skipStagedWithinMs === undefined ? [now, limit] : [now, limit, skipStagedWithinMs]);
}

/** The look-ahead's claim: rows due in (now, until] without a matching staged firing; weekly reflections excepted. */
async function claimAhead(tx: PoolClient, limit: number, now: Date, until: Date): Promise<DueFiring[]> {
  return claimWith(tx, `fire_at > $1 AND fire_at <= $3 AND kind <> 'WEEKLY_REFLECTION'
          AND NOT EXISTS (SELECT 1 FROM prepared_firings p WHERE p.key = s.key AND p.occurrence = s.occurrence AND p.fire_at = s.fire_at)`, [now, limit, until]);
}

async function claimWith(tx: PoolClient, where: string, parameters: unknown[]): Promise<DueFiring[]> {
  const { rows } = await tx.query<DueRow>(
    `WITH due AS (
       SELECT key, user_id, kind, subject_id, occurrence, fire_at FROM scheduled_notifications s
        WHERE ${where} ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED
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
    parameters,
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

/**
 * Stages decided firings (the look-ahead), their NotificationCreated sealed as `appendToOutbox` would seal it; an
 * erased user's (key destroyed) are not staged: their rows fire undecided, where the outbox leaves the event out.
 */
async function stage(tx: PoolClient, firings: readonly PreparedFiring[], now: Date, keys: KeyStore | undefined): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (const firing of firings) {
    let event: StoredEvent<AnyEvent> | AnyEvent = firing.event;
    if (keys) {
      try {
        event = await sealEvent(firing.event, keys);
      } catch (error) {
        if (error instanceof KeyDestroyedError) continue;
        throw error;
      }
    }
    const n = firing.notification;
    rows.push({
      key: firing.key, occurrence: firing.occurrence, fire_at: firing.fireAt.toISOString(), user_id: n.userId, notification_id: n.id,
      kind: n.kind, title: n.title, body: n.body, subject_type: n.subjectType, subject_id: n.subjectId, dedupe_key: n.dedupeKey,
      deliveries: firing.deliveries, event_id: event.eventId, event_type: event.eventType, schema_version: event.schemaVersion,
      aggregate_type: event.aggregateType, correlation_id: event.correlationId, causation_id: event.causationId,
      occurred_at: event.occurredAt, payload: event.payload,
      next_fire_at: firing.next?.fireAt.toISOString() ?? null, next_occurrence: firing.next?.occurrence ?? null,
    });
  }
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO prepared_firings (key, occurrence, fire_at, user_id, notification_id, kind, title, body, subject_type, subject_id, dedupe_key,
                                   deliveries, event_id, event_type, schema_version, aggregate_type, correlation_id, causation_id, occurred_at,
                                   payload, next_fire_at, next_occurrence, prepared_at)
     SELECT key, occurrence, fire_at, user_id, notification_id, kind, title, body, subject_type, subject_id, dedupe_key,
            deliveries, event_id, event_type, schema_version, aggregate_type, correlation_id, causation_id, occurred_at,
            payload, next_fire_at, next_occurrence, $2
       FROM json_to_recordset($1::json) AS x (key text, occurrence text, fire_at timestamptz, user_id uuid, notification_id uuid, kind text,
            title text, body text, subject_type text, subject_id uuid, dedupe_key text, deliveries jsonb, event_id uuid, event_type text,
            schema_version int, aggregate_type text, correlation_id text, causation_id text, occurred_at timestamptz, payload jsonb,
            next_fire_at timestamptz, next_occurrence text)
     ON CONFLICT (key) DO UPDATE SET
       occurrence = EXCLUDED.occurrence, fire_at = EXCLUDED.fire_at, user_id = EXCLUDED.user_id, notification_id = EXCLUDED.notification_id,
       kind = EXCLUDED.kind, title = EXCLUDED.title, body = EXCLUDED.body, subject_type = EXCLUDED.subject_type, subject_id = EXCLUDED.subject_id,
       dedupe_key = EXCLUDED.dedupe_key, deliveries = EXCLUDED.deliveries, event_id = EXCLUDED.event_id, event_type = EXCLUDED.event_type,
       schema_version = EXCLUDED.schema_version, aggregate_type = EXCLUDED.aggregate_type, correlation_id = EXCLUDED.correlation_id,
       causation_id = EXCLUDED.causation_id, occurred_at = EXCLUDED.occurred_at, payload = EXCLUDED.payload,
       next_fire_at = EXCLUDED.next_fire_at, next_occurrence = EXCLUDED.next_occurrence, prepared_at = EXCLUDED.prepared_at`,
    [JSON.stringify(rows), now],
  );
}

/**
 * Fires staged firings due at `now`: one statement takes them (locking each and its schedule row, SKIP LOCKED;
 * only those whose row still says the same occurrence and fire time, at most `graceMs` late), inserts their
 * notifications (ON CONFLICT on the dedupe key: an occurrence fired already inserts nothing, and then nothing else
 * of it is written), their deliveries and NotificationCreated in the outbox (in fire-time order), and moves their
 * rows on or deletes them. The commit makes them visible, as a firing decided at the fire time.
 */
async function flipDue(tx: PoolClient, limit: number, now: Date, graceMs: number): Promise<{ taken: number; fired: FlippedFiring[] }> {
  const { rows } = await tx.query<{ notification_id: string; dedupe_key: string; kind: NotificationKind; fire_at: Date; fired: boolean }>(
    `WITH due AS (
       SELECT p.key FROM prepared_firings p
         JOIN scheduled_notifications s ON s.key = p.key AND s.occurrence = p.occurrence AND s.fire_at = p.fire_at
        WHERE p.fire_at <= $1 AND p.fire_at > $1::timestamptz - make_interval(secs => $3::double precision / 1000)
        ORDER BY p.fire_at LIMIT $2
          FOR UPDATE OF p, s SKIP LOCKED
     ), taken AS (
       DELETE FROM prepared_firings p WHERE p.key = ANY (ARRAY(SELECT key FROM due)) RETURNING p.*
     ), created AS (
       INSERT INTO notifications (id, user_id, kind, title, body, subject_type, subject_id, dedupe_key, version, created_at)
       SELECT notification_id, user_id, kind, title, body, subject_type, subject_id, dedupe_key, 1, occurred_at FROM taken
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id
     ), fresh AS (
       SELECT t.* FROM taken t JOIN created c ON c.id = t.notification_id
     ), deliveries AS (
       INSERT INTO notification_deliveries (notification_id, channel, target, status, next_attempt_at)
       SELECT f.notification_id, d.channel, d.target, 'pending', f.occurred_at
         FROM fresh f, jsonb_to_recordset(f.deliveries) AS d (channel text, target text)
       ON CONFLICT DO NOTHING
     ), events AS (
       INSERT INTO outbox (event_id, event_type, schema_version, aggregate_type, aggregate_id, aggregate_version, user_id, correlation_id,
                           causation_id, occurred_at, payload, trace_context)
       SELECT event_id, event_type, schema_version, aggregate_type, notification_id, 1, user_id, correlation_id, causation_id, occurred_at,
              payload, $4
         FROM fresh ORDER BY fire_at, key
     ), gone AS (
       DELETE FROM scheduled_notifications s USING taken t WHERE s.key = t.key AND t.next_fire_at IS NULL
     ), moved AS (
       UPDATE scheduled_notifications s SET fire_at = t.next_fire_at, occurrence = t.next_occurrence, updated_at = $1
         FROM taken t WHERE s.key = t.key AND t.next_fire_at IS NOT NULL
     )
     SELECT t.notification_id, t.dedupe_key, t.kind, t.fire_at, c.id IS NOT NULL AS fired
       FROM taken t LEFT JOIN created c ON c.id = t.notification_id`,
    [now, limit, graceMs, currentTraceparent() ?? null],
  );
  return {
    taken: rows.length,
    fired: rows.filter((row) => row.fired).map((row) => ({ notificationId: row.notification_id, dedupeKey: row.dedupe_key, kind: row.kind, fireAt: row.fire_at })),
  };
}
