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
async function startScheduler(crashPoint?: 'before-commit' | 'after-commit'): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', tsx, schedulerProcess], {
    env: { ...process.env, SCHEDULE_DATABASE_URL: db.url, SCHEDULE_BATCH_SIZE: '50', ...(crashPoint ? { CRASH_POINT: crashPoint } : {}) },
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
