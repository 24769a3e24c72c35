// The scheduler as its own OS process, for the crash test (scheduler-crash.int.spec.ts): SCHEDULE_DATABASE_URL,
// SCHEDULE_LOOKAHEAD_MS (the look-ahead: staged firings fired at their time; a held batch is then a flip),
// and CRASH_POINT `before-commit` (a batch's writes done, its COMMIT not sent) or `after-commit` (committed, the
// process not told yet): there it says HOLDING on stdout and waits for the kill.
import { randomUUID } from 'node:crypto';
import { createPool } from '@mindflow/db';
import { createLogger } from '@mindflow/platform';
import { pgScheduleStore } from '../adapters/pg/pg-schedule-store.js';
import type { ScheduleStore } from '../application/ports/schedule-store.js';
import { createScheduler } from '../application/scheduler.js';

const url = process.env['SCHEDULE_DATABASE_URL'];
if (!url) throw new Error('SCHEDULE_DATABASE_URL is required');
const crashPoint = process.env['CRASH_POINT'];
const pool = createPool(url, { applicationName: 'scheduler-crash-test', max: 4 });
const store = pgScheduleStore(pool);
const hold = () => {
  process.stdout.write('HOLDING\n');
  return new Promise<never>(() => undefined);
};

const crashing: ScheduleStore = {
  nextFireAt: () => store.nextFireAt(),
  dropStale: (now, graceMs) => store.dropStale(now, graceMs),
  async transaction(work) {
    let claimed = 0;
    const result = await store.transaction(async (tx) => {
      const done = await work({ ...tx, claimDue: async (limit, now) => {
        const rows = await tx.claimDue(limit, now);
        claimed += rows.length;
        return rows;
      }, flipDue: async (limit, now, graceMs) => {
        const flipped = await tx.flipDue(limit, now, graceMs);
        claimed += flipped.taken;
        return flipped;
      } });
      if (crashPoint === 'before-commit' && claimed > 0) await hold();
      return done;
    });
    if (crashPoint === 'after-commit' && claimed > 0) await hold();
    return result;
  },
};

const scheduler = createScheduler({
  store: crashing,
  log: createLogger('scheduler-crash-test', 'warn'),
  now: () => new Date(),
  newId: randomUUID,
  batchSize: Number(process.env['SCHEDULE_BATCH_SIZE'] ?? 50),
  concurrency: 1,
  maxSleepMs: 200,
  lookAheadMs: Number(process.env['SCHEDULE_LOOKAHEAD_MS'] ?? 0),
  flipBatchSize: Number(process.env['SCHEDULE_BATCH_SIZE'] ?? 50),
});
scheduler.start();
process.on('SIGTERM', () => void scheduler.stop().then(() => pool.end()).then(() => process.exit(0)));
