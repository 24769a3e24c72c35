import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { firingCounts, scheduleReminders, scheduleTestDb, type ScheduledReminder, type ScheduleTestDb } from '../test/schedule-db.js';

const tsx = createRequire(import.meta.url).resolve('tsx');
const schedulerProcess = join(import.meta.dirname, '..', 'test', 'scheduler-process.ts');
let db: ScheduleTestDb;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await scheduleTestDb('scheduler_crash');
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db?.drop();
});

/** The scheduler as its own OS process; resolves once it says it holds at `crashPoint` (when it has one). */
async function startScheduler(crashPoint?: 'before-commit' | 'after-commit', options: { url?: string; lookAheadMs?: number } = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', tsx, schedulerProcess], {
    env: {
      ...process.env, SCHEDULE_DATABASE_URL: options.url ?? db.url, SCHEDULE_BATCH_SIZE: '50', SCHEDULE_LOOKAHEAD_MS: String(options.lookAheadMs ?? 0),
      ...(crashPoint ? { CRASH_POINT: crashPoint } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  if (crashPoint) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the scheduler did not reach ${crashPoint} in 30 s`)), 30_000);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('HOLDING')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`the scheduler exited before ${crashPoint}`)));
    });
  }
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function killHard(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await exited(child);
}

const count = async (sql: string) => (await db.pool.query<{ n: number }>(sql)).rows[0]!.n;

it('fires every reminder exactly once when the scheduler is killed (-9) between claim and commit and after a commit, then restarted twice over', { timeout: 120_000 }, async () => {
  const reminders: ScheduledReminder[] = await scheduleReminders(db.pool, { count: 400, users: 40, firstAt: new Date(Date.now() - 20_000), spreadMs: 10_000, promptEvery: 8 });

  // 1. Killed holding a claimed batch whose writes are done but not committed: nothing of it shows, nothing is lost.
  const beforeCommit = await startScheduler('before-commit');
  expect(await count('SELECT count(*)::int AS n FROM notifications')).toBe(0);
  await killHard(beforeCommit);
  expect(await count('SELECT count(*)::int AS n FROM notifications')).toBe(0);
  expect(await count("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'NotificationCreated'")).toBe(0);
  // Its backend's locks go with the connection (Postgres aborts the transaction of a dead client).
  await expect.poll(() => count("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'scheduler-crash-test'"), { timeout: 10_000 }).toBe(0);

  // 2. Killed right after a commit, before it could do anything else: that batch fired once, and stays so.
  const afterCommit = await startScheduler('after-commit');
  await killHard(afterCommit);
  const firstBatch = await count('SELECT count(*)::int AS n FROM notifications');
  expect(firstBatch).toBe(50);
  expect(await count("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'NotificationCreated'")).toBe(50);

  // 3. Two instances restarted side by side (SKIP LOCKED shares the rest) finish the schedule.
  const survivors = [await startScheduler(), await startScheduler()];
  await expect.poll(() => count('SELECT count(*)::int AS n FROM notifications'), { timeout: 60_000, interval: 100 }).toBe(reminders.length);
  // A further second and a half (more than a full sleep) brings no second firing.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  for (const child of survivors) {
    child.kill('SIGTERM');
    await exited(child);
    expect(child.exitCode).toBe(0);
  }

  const { notifications, events } = await firingCounts(db.pool, reminders);
  const counts = reminders.map((r) => `${r.key}@${r.occurrence}`).map((key) => [notifications.get(key) ?? 0, events.get(key) ?? 0]);
  expect(counts.filter(([n, e]) => n !== 1 || e !== 1)).toEqual([]);
  expect(events.get('(orphan events)')).toBeUndefined();
  expect(await count("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'NotificationCreated'")).toBe(reminders.length);
  // Every notification has its email delivery (every user has an address, no preferences: IN_APP + EMAIL).
  expect(await count("SELECT count(*)::int AS n FROM notification_deliveries WHERE channel = 'EMAIL'")).toBe(reminders.length);
  // Task rows went (one-off reminders); prompt rows moved on to their next day, not due again yet.
  expect(await count("SELECT count(*)::int AS n FROM scheduled_notifications WHERE key LIKE 'task:%'")).toBe(0);
  const prompts = reminders.filter((r) => r.key.startsWith('prompt:')).length;
  expect(await count('SELECT count(*)::int AS n FROM scheduled_notifications WHERE fire_at > now()')).toBe(prompts);
  console.info(`scheduler crash: ${reminders.length} reminders, killed before a commit and after one (${firstBatch} committed), each fired once`);
});

it('with the look-ahead: staged ahead, nothing shows before its time; killed (-9) while staging, in a flip before its commit and after one, each reminder fires once', { timeout: 120_000 }, async () => {
  const ahead = await scheduleTestDb('scheduler_crash_ahead');
  const q = async (sql: string) => (await ahead.pool.query<{ n: number }>(sql)).rows[0]!.n;
  try {
    const options = { url: ahead.url, lookAheadMs: 60_000 };
    // 1. Staged ahead (all 400 decided), then killed before any is due: nothing visible, nothing in the outbox. The
    // stager runs (connected) before the reminders are written, so a slow process start does not eat their lead.
    const stager = await startScheduler(undefined, options);
    await expect.poll(() => q("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'scheduler-crash-test'"), { timeout: 60_000, interval: 100 }).toBeGreaterThan(0);
    const firstAt = new Date(Date.now() + 8_000);
    const reminders = await scheduleReminders(ahead.pool, { count: 400, users: 40, firstAt, spreadMs: 2_000, promptEvery: 8 });
    await expect.poll(() => q('SELECT count(*)::int AS n FROM prepared_firings'), { timeout: 30_000, interval: 50 }).toBe(reminders.length);
    expect(Date.now()).toBeLessThan(firstAt.getTime());
    await killHard(stager);
    expect(await q('SELECT count(*)::int AS n FROM notifications')).toBe(0);
    expect(await q("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'NotificationCreated'")).toBe(0);
    expect(await q('SELECT count(*)::int AS n FROM notification_deliveries')).toBe(0);

    // 2. At the fire time, killed holding a flip whose statement ran but did not commit: nothing of it shows.
    const beforeCommit = await startScheduler('before-commit', options);
    expect(Date.now()).toBeGreaterThanOrEqual(firstAt.getTime());
    expect(await q('SELECT count(*)::int AS n FROM notifications')).toBe(0);
    await killHard(beforeCommit);
    expect(await q('SELECT count(*)::int AS n FROM notifications')).toBe(0);
    await expect.poll(() => q("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'scheduler-crash-test'"), { timeout: 10_000 }).toBe(0);

    // 3. Killed right after a flip's commit: that batch fired once (its staged rows consumed with it).
    const afterCommit = await startScheduler('after-commit', options);
    await killHard(afterCommit);
    const firstBatch = await q('SELECT count(*)::int AS n FROM notifications');
    expect(firstBatch).toBe(50);
    expect(await q('SELECT count(*)::int AS n FROM prepared_firings')).toBe(reminders.length - 50);

    // 4. Two instances finish; a prompt's row moved on to its next day, the task rows went, nothing staged is left.
    const survivors = [await startScheduler(undefined, options), await startScheduler(undefined, options)];
    await expect.poll(() => q('SELECT count(*)::int AS n FROM notifications'), { timeout: 60_000, interval: 100 }).toBe(reminders.length);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const child of survivors) {
      child.kill('SIGTERM');
      await exited(child);
      expect(child.exitCode).toBe(0);
    }
    const { notifications, events } = await firingCounts(ahead.pool, reminders);
    const counts = reminders.map((r) => `${r.key}@${r.occurrence}`).map((key) => [notifications.get(key) ?? 0, events.get(key) ?? 0]);
    expect(counts.filter(([n, e]) => n !== 1 || e !== 1)).toEqual([]);
    expect(events.get('(orphan events)')).toBeUndefined();
    expect(await q("SELECT count(*)::int AS n FROM notification_deliveries WHERE channel = 'EMAIL'")).toBe(reminders.length);
    // never before its time: each notification's time is its fire time (committed at or after it)
    const early = await ahead.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications n JOIN unnest($1::text[], $2::timestamptz[]) AS r (k, f) ON n.dedupe_key = r.k WHERE n.created_at < r.f`,
      [reminders.map((r) => `${r.key}@${r.occurrence}`), reminders.map((r) => r.fireAt)],
    );
    expect(early.rows[0]!.n).toBe(0);
    expect(await q("SELECT count(*)::int AS n FROM scheduled_notifications WHERE key LIKE 'task:%'")).toBe(0);
    expect(await q('SELECT count(*)::int AS n FROM prepared_firings')).toBe(0);
  } finally {
    await ahead.drop();
  }
});
