import { randomUUID } from 'node:crypto';
import { createLogger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { pgScheduleStore } from '../adapters/pg/pg-schedule-store.js';
import { scheduleWakeups } from '../adapters/pg/schedule-wakeups.js';
import { scheduleTestDb, type ScheduleTestDb } from '../test/schedule-db.js';
import { createScheduler, type Scheduler } from './scheduler.js';

let db: ScheduleTestDb;
const log = createLogger('scheduler-spec', 'warn');
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await scheduleTestDb('scheduler');
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await db?.drop();
});

/** A started scheduler that sleeps up to 10 s between looks: only a wake-up makes it fire sooner. */
function startScheduler(options: { listen: boolean; metrics?: Registry; lookAheadMs?: number; maxSleepMs?: number }): Scheduler {
  let scheduler: Scheduler | undefined = undefined;
  const wakeups = scheduleWakeups(db.url, () => scheduler?.wake(), () => undefined);
  scheduler = createScheduler({
    store: pgScheduleStore(db.pool), log, now: () => new Date(), newId: randomUUID, maxSleepMs: options.maxSleepMs ?? 10_000,
    lookAheadMs: options.lookAheadMs ?? 0,
    ...(options.listen ? { listen: () => wakeups.listen() } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  scheduler.start();
  const started = scheduler;
  cleanups.push(async () => {
    await started.stop();
    await wakeups.close();
  });
  return scheduler;
}

async function user(options: { email?: boolean; preferences?: string } = {}): Promise<string> {
  const id = randomUUID();
  if (options.email ?? true) await db.pool.query(`INSERT INTO notification_recipients (user_id, email, registered_at) VALUES ($1, 'a@example.test', now())`, [id]);
  if (options.preferences) await db.pool.query(`INSERT INTO notification_preferences (user_id, updated_at, ${options.preferences.split('=')[0]}) VALUES ($1, now(), $2)`, [id, options.preferences.split('=')[1]]);
  return id;
}

async function scheduleTask(userId: string, fireAt: Date, title = 'Water the plants'): Promise<string> {
  const taskId = randomUUID();
  await db.pool.query(`INSERT INTO task_reminders (task_id, user_id, title, date, due_time, remind_at) VALUES ($1, $2, $3, $4::date, '18:30', $5)`, [taskId, userId, title, fireAt.toISOString().slice(0, 10), fireAt]);
  await db.pool.query(
    `INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at) VALUES ($1, $2, 'TASK_DUE', $3, $4, $5, now())`,
    [`task:${taskId}`, userId, taskId, fireAt.toISOString(), fireAt],
  );
  return taskId;
}

const notificationOf = async (taskId: string) =>
  (await db.pool.query<{ id: string; title: string; body: string; created_at: Date }>('SELECT id, title, body, created_at FROM notifications WHERE subject_id = $1', [taskId])).rows[0];

it('wakes on the schedule\'s NOTIFY: a reminder written due now fires well within 2 s, though the scheduler sleeps up to 10 s', async () => {
  const metrics = new Registry();
  startScheduler({ listen: true, metrics });
  // let it reach its (long) sleep, listening
  await new Promise((resolve) => setTimeout(resolve, 500));
  const userId = await user();
  const dueAt = new Date();
  const taskId = await scheduleTask(userId, dueAt);
  await expect.poll(() => notificationOf(taskId), { timeout: 2_000, interval: 20 }).toBeDefined();
  const notification = (await notificationOf(taskId))!;
  expect(notification.created_at.getTime() - dueAt.getTime()).toBeLessThan(2_000);
  expect(notification.title).toBe('Water the plants');
  expect(notification.body).toBe('Due at 18:30');
  const events = await db.pool.query<{ payload: { channels: string[]; kind: string } }>(`SELECT payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'NotificationCreated'`, [notification.id]);
  expect(events.rows.map((r) => r.payload)).toMatchObject([{ kind: 'TASK_DUE', channels: ['EMAIL'] }]);
  expect((await metrics.getSingleMetricAsString('mindflow_notifications_fired_total'))).toMatch(/kind="TASK_DUE"} 1/);
});

it('without a listener the same reminder waits for the next look (the control for the wake-up)', async () => {
  startScheduler({ listen: false });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const taskId = await scheduleTask(await user(), new Date());
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await notificationOf(taskId)).toBeUndefined();
});

it('writes the deliveries the user\'s choices allow: EMAIL with an address, WEBHOOK per live webhook of the kind, only IN_APP inside quiet hours', async () => {
  const withHooks = await user();
  const hooks = { wanted: randomUUID(), otherKind: randomUUID(), disabled: randomUUID() };
  for (const [id, kinds, disabled] of [[hooks.wanted, '{TASK_DUE}', null], [hooks.otherKind, '{JOURNAL_PROMPT}', null], [hooks.disabled, '{TASK_DUE}', new Date()]] as const) {
    await db.pool.query(`INSERT INTO webhooks (id, user_id, url, kinds, secret, created_at, disabled_at) VALUES ($1, $2, 'https://example.test/h', $3, 'whsec_x', now(), $4)`, [id, withHooks, kinds, disabled]);
  }
  const noAddress = await user({ email: false });
  const quiet = await user();
  // quiet from an hour before now to an hour after (UTC, the user's zone by default): inside it whatever the clock says
  const hhmm = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().slice(11, 16);
  await db.pool.query(`INSERT INTO notification_preferences (user_id, updated_at, quiet_start, quiet_end) VALUES ($1, now(), $2, $3)`, [quiet, hhmm(-3_600_000), hhmm(3_600_000)]);
  const past = new Date(Date.now() - 1_000);
  const tasks = { withHooks: await scheduleTask(withHooks, past), noAddress: await scheduleTask(noAddress, past), quiet: await scheduleTask(quiet, past) };
  const scheduler = createScheduler({ store: pgScheduleStore(db.pool), log, now: () => new Date(), newId: randomUUID });
  expect(await scheduler.runOnce()).toBeGreaterThanOrEqual(3);
  const deliveries = async (taskId: string) =>
    (await db.pool.query<{ channel: string; target: string; status: string }>(
      `SELECT d.channel, d.target, d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.subject_id = $1 ORDER BY d.channel, d.target`,
      [taskId],
    )).rows;
  expect(await deliveries(tasks.withHooks)).toEqual([{ channel: 'EMAIL', target: 'email', status: 'pending' }, { channel: 'WEBHOOK', target: hooks.wanted, status: 'pending' }]);
  expect(await deliveries(tasks.noAddress)).toEqual([]);
  expect(await deliveries(tasks.quiet)).toEqual([]);
  // one-off reminders: fired, their rows are gone, and a second round fires nothing
  expect((await db.pool.query('SELECT 1 FROM scheduled_notifications WHERE key = ANY($1)', [Object.values(tasks).map((t) => `task:${t}`)])).rowCount).toBe(0);
  expect(await scheduler.runOnce()).toBe(0);
});

it('one row that cannot be decided is parked a day ahead, logged with its key, and the rest of the batch fires (the next round too)', async () => {
  const userId = await user();
  const past = new Date(Date.now() - 60_000);
  // the earliest due row: a recurring task whose rule cannot be read (nextTaskReminder throws on it)
  const poison = randomUUID();
  await db.pool.query(
    `INSERT INTO task_reminders (task_id, user_id, title, date, due_time, recurrence, minutes_before) VALUES ($1, $2, 'Poison', $3::date, '18:30', '"FREQ=NEVER;BYWHAT=?"', 10)`,
    [poison, userId, past.toISOString().slice(0, 10)]);
  await db.pool.query(`INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at) VALUES ($1, $2, 'TASK_DUE', $3, $4, $5, now())`,
    [`task:${poison}`, userId, poison, past.toISOString().slice(0, 10), new Date(past.getTime() - 60_000)]);
  const good = [await scheduleTask(userId, past, 'First'), await scheduleTask(userId, past, 'Second')];
  const errors: { key?: string }[] = [];
  const spyLog = { ...log, error: (fields: { key?: string }) => { errors.push(fields); } } as unknown as typeof log;
  const metrics = new Registry();
  const now = new Date();
  const scheduler = createScheduler({ store: pgScheduleStore(db.pool), log: spyLog, now: () => now, newId: randomUUID, batchSize: 10, concurrency: 1, metrics });
  expect(await scheduler.runOnce()).toBe(2);
  for (const taskId of good) expect(await notificationOf(taskId)).toBeDefined();
  expect(await notificationOf(poison)).toBeUndefined();
  const parked = await db.pool.query<{ fire_at: Date }>('SELECT fire_at FROM scheduled_notifications WHERE key = $1', [`task:${poison}`]);
  expect(parked.rows[0]!.fire_at.getTime()).toBe(now.getTime() + 86_400_000);
  expect(errors.map((e) => e.key)).toEqual([`task:${poison}`]);
  expect(await metrics.getSingleMetricAsString('mindflow_notifications_parked_total')).toMatch(/kind="TASK_DUE"} 1/);
  // a later reminder is not held up behind it
  const later = await scheduleTask(userId, new Date(now.getTime() - 1_000), 'Third');
  expect(await scheduler.runOnce()).toBe(1);
  expect(await notificationOf(later)).toBeDefined();
  // (out of the later specs' way: they fire at other clocks)
  await db.pool.query('DELETE FROM scheduled_notifications WHERE key = $1', [`task:${poison}`]);
});

it('a weekly reflection fires with its reflection, generated in the same transaction and linked as its subject; a failed commit leaves neither', async () => {
  const userId = await user({ preferences: 'weekly_reflection_on=3' });
  const entryId = randomUUID();
  await db.pool.query("INSERT INTO reflection_entries (entry_id, user_id, content, mood, created_at, themes) VALUES ($1, $2, 'sunday walk', 'CALM', '2030-03-31T15:00:00Z', '{walk}')", [entryId, userId]);
  // fired on Wednesday 2030-04-03 (local date, UTC): reflects Monday 25 to Sunday 31 March
  const firedAt = new Date('2030-04-03T18:00:00Z');
  await db.pool.query(`INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at) VALUES ($1, $2, 'WEEKLY_REFLECTION', NULL, '2030-04-03', $3, now())`,
    [`weekly:${userId}`, userId, firedAt]);
  const reflections = async () => (await db.pool.query<{ id: string; week_start: string; entry_count: number }>(
    'SELECT id, week_start::text, entry_count FROM weekly_reflections WHERE user_id = $1', [userId])).rows;
  const notifications = async () => (await db.pool.query<{ id: string; subject_type: string | null; subject_id: string | null }>(
    `SELECT id, subject_type, subject_id FROM notifications WHERE user_id = $1 AND kind = 'WEEKLY_REFLECTION'`, [userId])).rows;

  // the commit fails (its outbox write throws): neither the notification nor the reflection stays, the row is due again
  const store = pgScheduleStore(db.pool);
  const failing: typeof store = {
    ...store,
    transaction: (work) => store.transaction((tx) => work({ ...tx, appendEvents: () => Promise.reject(new Error('crash before commit')) })),
  };
  const now = () => new Date(firedAt.getTime() + 1_000);
  await expect(createScheduler({ store: failing, log, now, newId: randomUUID, concurrency: 1 }).runOnce()).rejects.toThrow(/crash before commit/);
  expect(await reflections()).toEqual([]);
  expect(await notifications()).toEqual([]);

  expect(await createScheduler({ store, log, now, newId: randomUUID, concurrency: 1 }).runOnce()).toBeGreaterThanOrEqual(1);
  const [reflection] = await reflections();
  expect(reflection).toMatchObject({ week_start: '2030-03-25', entry_count: 1 });
  expect(await notifications()).toEqual([{ id: expect.any(String), subject_type: 'WeeklyReflection', subject_id: reflection!.id }]);
  const event = await db.pool.query<{ payload: { subjectType: string; subjectId: string } }>(
    `SELECT payload FROM outbox WHERE event_type = 'NotificationCreated' AND user_id = $1`, [userId]);
  expect(event.rows.map((r) => r.payload)).toMatchObject([{ subjectType: 'WeeklyReflection', subjectId: reflection!.id }]);
  const generated = await db.pool.query(`SELECT 1 FROM outbox WHERE event_type = 'WeeklyReflectionGenerated' AND user_id = $1`, [userId]);
  expect(generated.rowCount).toBe(1);
  // the row moved on to the next Wednesday
  expect((await db.pool.query<{ occurrence: string }>('SELECT occurrence FROM scheduled_notifications WHERE key = $1', [`weekly:${userId}`])).rows).toEqual([{ occurrence: '2030-04-10' }]);
});

it('look-ahead: decided and staged ahead, nothing visible before its time, fired at it; a task changed after staging fires as changed', async () => {
  const metrics = new Registry();
  const userId = await user();
  const fireAt = new Date(Date.now() + 4_000);
  const kept = await scheduleTask(userId, fireAt, 'Kept as staged');
  const changed = await scheduleTask(userId, fireAt, 'Before the change');
  const staged = async () => (await db.pool.query<{ key: string; title: string }>('SELECT key, title FROM prepared_firings WHERE user_id = $1 ORDER BY title', [userId])).rows;
  startScheduler({ listen: false, metrics, lookAheadMs: 30_000, maxSleepMs: 200 });
  await expect.poll(async () => (await staged()).length, { timeout: 3_000, interval: 20 }).toBe(2);
  // the task changes after its firing was decided (the projector writes task_reminders): that decision is dropped
  await db.pool.query(`UPDATE task_reminders SET title = 'After the change' WHERE task_id = $1`, [changed]);
  expect((await staged()).map((r) => r.key)).not.toContain(`task:${changed}`);
  expect(Date.now()).toBeLessThan(fireAt.getTime());
  expect(await notificationOf(kept)).toBeUndefined();
  expect(await notificationOf(changed)).toBeUndefined();
  expect((await db.pool.query(`SELECT 1 FROM outbox WHERE event_type = 'NotificationCreated' AND user_id = $1`, [userId])).rowCount).toBe(0);

  await expect.poll(async () => (await notificationOf(kept)) && (await notificationOf(changed)), { timeout: 8_000, interval: 20 }).toBeDefined();
  const firedAt = Date.now();
  expect(firedAt).toBeGreaterThanOrEqual(fireAt.getTime());
  expect(firedAt - fireAt.getTime()).toBeLessThan(2_000);
  expect((await notificationOf(kept))!).toMatchObject({ title: 'Kept as staged', created_at: fireAt });
  expect((await notificationOf(changed))!.title).toBe('After the change');
  const events = await db.pool.query<{ payload: { title: string; channels: string[] } }>(
    `SELECT payload FROM outbox WHERE event_type = 'NotificationCreated' AND user_id = $1 ORDER BY payload->>'title'`, [userId]);
  expect(events.rows.map((r) => r.payload)).toMatchObject([{ title: 'After the change', channels: ['EMAIL'] }, { title: 'Kept as staged', channels: ['EMAIL'] }]);
  const deliveries = await db.pool.query<{ next_attempt_at: Date }>(
    `SELECT d.next_attempt_at FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.user_id = $1`, [userId]);
  expect(deliveries.rows).toHaveLength(2);
  // both rows went (one-off reminders), nothing staged is left, and the metrics counted them
  expect((await db.pool.query(`SELECT 1 FROM scheduled_notifications WHERE user_id = $1`, [userId])).rowCount).toBe(0);
  expect(await staged()).toEqual([]);
  expect(await metrics.getSingleMetricAsString('mindflow_notifications_fired_total')).toMatch(/kind="TASK_DUE"} 2/);
});
