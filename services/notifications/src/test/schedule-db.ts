import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';
import { createTestDatabase } from '@mindflow/testing';

export interface ScheduleTestDb {
  readonly url: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

/** A fresh notifications DB on the test PostgreSQL, migrated as the projector does (outbox, then the service's tables). */
export async function scheduleTestDb(label: string): Promise<ScheduleTestDb> {
  const database = await createTestDatabase(label);
  const pool = createPool(database.url, { applicationName: `test-${label}`, max: 8 });
  await migrate(pool, 'command', outboxMigrations);
  await migrate(pool, 'notifications', await migrationsFromDir(join(import.meta.dirname, '..', '..', 'migrations')));
  return {
    url: database.url,
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}

export interface ScheduledReminder {
  readonly key: string;
  readonly userId: string;
  readonly occurrence: string;
  readonly fireAt: Date;
}

/**
 * Schedules `count` task reminders (and their tasks and recipients) for `users` users, fire times from
 * `firstAt` spread over `spreadMs`; every `promptEvery`-th one a daily prompt instead (every user's is at 20:00 UTC).
 * Task reminders are one-off (`remind_at`): fired, their rows go. Inserted in chunks.
 */
export async function scheduleReminders(
  pool: Pool,
  options: { count: number; users: number; firstAt: Date; spreadMs: number; promptEvery?: number },
): Promise<ScheduledReminder[]> {
  const users = Array.from({ length: options.users }, () => randomUUID());
  await pool.query(
    `INSERT INTO notification_recipients (user_id, email, registered_at)
     SELECT u, 'user-' || u || '@example.test', now() FROM unnest($1::uuid[]) AS u ON CONFLICT DO NOTHING`,
    [users],
  );
  // Every user has a daily prompt at 20:00 UTC: a fired prompt row moves to the next one.
  await pool.query(
    `INSERT INTO notification_preferences (user_id, journal_prompt_at, updated_at) SELECT u, '20:00', now() FROM unnest($1::uuid[]) AS u ON CONFLICT DO NOTHING`,
    [users],
  );
  const reminders: (ScheduledReminder & { taskId: string; prompt: boolean })[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const userId = users[i % users.length]!;
    const fireAt = new Date(options.firstAt.getTime() + Math.floor((i * options.spreadMs) / Math.max(options.count, 1)));
    const prompt = options.promptEvery !== undefined && i % options.promptEvery === 0;
    const taskId = randomUUID();
    const key = prompt ? `prompt:${userId}:${i}` : `task:${taskId}`;
    reminders.push({ key, userId, occurrence: fireAt.toISOString().slice(0, 10), fireAt, taskId, prompt });
  }
  for (let start = 0; start < reminders.length; start += 5_000) {
    const chunk = reminders.slice(start, start + 5_000);
    const tasks = chunk.filter((r) => !r.prompt);
    await pool.query(
      `INSERT INTO task_reminders (task_id, user_id, title, date, due_time, remind_at)
       SELECT t, u, 'Task ' || t, d::date, (d::timestamptz AT TIME ZONE 'UTC')::time, d::timestamptz
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x (t, u, d)`,
      [tasks.map((r) => r.taskId), tasks.map((r) => r.userId), tasks.map((r) => r.fireAt.toISOString())],
    );
    await pool.query(
      `INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at)
       SELECT k, u, kind, s, o, f, now() FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[]) AS x (k, u, kind, s, o, f)`,
      [
        chunk.map((r) => r.key),
        chunk.map((r) => r.userId),
        chunk.map((r) => (r.prompt ? 'JOURNAL_PROMPT' : 'TASK_DUE')),
        chunk.map((r) => (r.prompt ? null : r.taskId)),
        chunk.map((r) => r.occurrence),
        chunk.map((r) => r.fireAt),
      ],
    );
  }
  return reminders.map(({ key, userId, occurrence, fireAt }) => ({ key, userId, occurrence, fireAt }));
}

/** Per dedupe key of the given reminders: how many notifications and how many NotificationCreated outbox rows. */
export async function firingCounts(pool: Pool, reminders: readonly ScheduledReminder[]): Promise<{ notifications: Map<string, number>; events: Map<string, number> }> {
  const keys = reminders.map((r) => `${r.key}@${r.occurrence}`);
  const { rows } = await pool.query<{ dedupe_key: string; notifications: number; events: number }>(
    `SELECT n.dedupe_key, count(DISTINCT n.id)::int AS notifications, count(o.event_id)::int AS events
       FROM notifications n
       LEFT JOIN outbox o ON o.aggregate_id = n.id AND o.event_type = 'NotificationCreated'
      WHERE n.dedupe_key = ANY($1::text[])
      GROUP BY n.dedupe_key`,
    [keys],
  );
  const notifications = new Map(rows.map((r) => [r.dedupe_key, r.notifications]));
  const events = new Map(rows.map((r) => [r.dedupe_key, r.events]));
  // Events of notifications that are not (or no longer) in the table would be extra firings too.
  const { rows: orphans } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox o WHERE o.event_type = 'NotificationCreated' AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = o.aggregate_id)`,
  );
  if (orphans[0]!.n > 0) events.set('(orphan events)', orphans[0]!.n);
  return { notifications, events };
}
