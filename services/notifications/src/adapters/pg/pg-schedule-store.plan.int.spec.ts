// The reminders benchmark's slow phase (BENCHMARKS.md, "Reminders"): each delivery row's foreign-key check runs a plan
// its connection cached while `notifications` was a few pages, a sequential scan that stays as the table grows. The
// firing transaction plans each check anew, so it stays the primary-key lookup. Counted on the real PostgreSQL: the
// sequential scans of `notifications` the scheduler's connection makes while firing 200 reminders into a grown table.
import { randomUUID } from 'node:crypto';
import { createPool, type Pool } from '@mindflow/db';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScheduler } from '../../application/scheduler.js';
import { scheduleReminders, scheduleTestDb, type ScheduleTestDb } from '../../test/schedule-db.js';
import { pgScheduleStore } from './pg-schedule-store.js';

let db: ScheduleTestDb;
let pool: Pool;
const log = createLogger('schedule-store-plan-spec', 'warn');

beforeAll(async () => {
  db = await scheduleTestDb('schedule-store-plan');
  pool = createPool(db.url, { applicationName: 'schedule-store-plan', max: 1 }); // one backend: one plan cache
  await db.pool.query('VACUUM ANALYZE notifications'); // a fresh deployment's table: empty, and known to be
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

/** Sequential scans of `notifications` so far, with the scheduler's backend's pending statistics flushed. */
async function notificationSeqScans(): Promise<number> {
  await pool.query('SELECT pg_stat_force_next_flush()');
  await pool.query('SELECT 1');
  const { rows } = await db.pool.query<{ n: string }>(
    `SELECT pg_stat_clear_snapshot(), (SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'notifications')::text AS n`,
  );
  return Number(rows[0]!.n);
}

it('checks each delivery\'s notification by its key, though the connection first checked when the table was tiny', async () => {
  const scheduler = createScheduler({ store: pgScheduleStore(pool), log, now: () => new Date(), newId: randomUUID, batchSize: 200, concurrency: 1 });
  // While the table is a page: enough checks that a cached plan would be the generic one.
  await scheduleReminders(db.pool, { count: 20, users: 20, firstAt: new Date(Date.now() - 60_000), spreadMs: 0 });
  expect(await scheduler.runOnce()).toBe(20);
  // The table grows (as in the first minutes of a busy deployment, before autovacuum looks at it).
  await db.pool.query(
    `INSERT INTO notifications (id, user_id, kind, title, body, dedupe_key, version, created_at)
     SELECT gen_random_uuid(), gen_random_uuid(), 'TASK_DUE', 't', 'b', 'grown:' || g, 1, now() FROM generate_series(1, 20000) g`,
  );
  await scheduleReminders(db.pool, { count: 200, users: 50, firstAt: new Date(Date.now() - 60_000), spreadMs: 0 });
  const before = await notificationSeqScans();
  expect(await scheduler.runOnce()).toBe(200);
  const scans = (await notificationSeqScans()) - before;
  // Before: one sequential scan of 20,000 rows per delivery (200).
  expect(scans).toBeLessThan(5);
});
