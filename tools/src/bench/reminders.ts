// npx tsx tools/src/bench/reminders.ts [--reminders 100000] [--users 10000] [--phases burst,spread] [--spread-ms 60000] [--instances 2] [--timeout-s 240]
//   [--look-ahead-s 0] [--lead-s 10] [--flip-batch-size 2000] [--batch-size 200] [--lanes 2] [--profile]
// Issue 14, "Reminders fire at their time (±2 s)": 100,000 reminders due in the same minute, fired by the scheduler
// (services/notifications, application/scheduler.ts over the real Postgres store) as `--instances` projector
// replicas would run it (each its own pool and lanes; SKIP LOCKED shares the rows). Two phases, each on a fresh
// notifications DB: `burst`, every reminder due at the same instant (reminders are set to the minute, so this is
// the top of a busy minute), and `spread`, due evenly over `--spread-ms` (the same minute's reminders one by one).
// The rows are written a day ahead, then moved to their fire times in one UPDATE `--lead-s` before the first,
// with the schedulers already asleep. Lateness = commit of the notification's transaction − its fire_at. After
// each phase: every reminder fired has exactly one notification and one NotificationCreated in the outbox (a
// phase that does not finish within `--timeout-s` after its last fire time says how many fired).
// `--look-ahead-s` N: the scheduler's look-ahead (rows due within N s decided and staged ahead; 0: off, every row
// decided at its fire time); `--profile`: the time of every call of the store port, summed per phase.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createPool, type Pool } from '@mindflow/db';
import { createScheduler, migrateNotificationsDatabase, pgScheduleStore, type Scheduler } from '@mindflow/notifications-service';
import { createLogger } from '@mindflow/platform';
import { Histogram } from './histogram.js';
import { LoadSampler } from './machine.js';
import { createTestDatabase } from './servers.js';

const { values } = parseArgs({
  options: {
    reminders: { type: 'string', default: '100000' },
    users: { type: 'string', default: '10000' },
    phases: { type: 'string', default: 'burst,spread' },
    'spread-ms': { type: 'string', default: '60000' },
    instances: { type: 'string', default: '2' },
    'timeout-s': { type: 'string', default: '240' },
    'batch-size': { type: 'string' },
    lanes: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'look-ahead-s': { type: 'string', default: '0' },
    'flip-batch-size': { type: 'string' },
    'lead-s': { type: 'string', default: '10' },
  },
});
const reminders = Number(values.reminders);
const users = Number(values.users);
const instances = Number(values.instances);
const timeoutMs = Number(values['timeout-s']) * 1000;
const log = createLogger('bench-reminders', 'warn');
type ScheduleStore = ReturnType<typeof pgScheduleStore>;

/** --profile: the time of every call of the scheduler's store port (each a statement or a few), summed per phase. */
const timings = new Map<string, { calls: number; ms: number }>();
function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!values.profile) return work();
  const started = performance.now();
  return work().finally(() => {
    const t = timings.get(name) ?? { calls: 0, ms: 0 };
    t.calls += 1;
    t.ms += performance.now() - started;
    timings.set(name, t);
  });
}
function profiled(store: ScheduleStore): ScheduleStore {
  if (!values.profile) return store;
  const wrap = <O extends object>(target: O, prefix: string): O =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => timed(`${prefix}${property}`, () => (value as (...a: unknown[]) => Promise<unknown>).apply(object, args));
      },
    });
  return {
    ...wrap(store, ''),
    transaction: (work) => timed('transaction (all of it)', () => store.transaction((tx) => work(wrap(tx, 'tx.')))),
  };
}

interface PhaseResult {
  readonly phase: string;
  readonly fired: number;
  readonly minMs: number;
  readonly updateMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly drainSeconds: number;
  readonly perSecond: number;
  readonly notifications: number;
  readonly events: number;
  readonly load: number;
}

async function seed(pool: Pool): Promise<void> {
  const userIds = Array.from({ length: users }, () => randomUUID());
  await pool.query(
    `INSERT INTO notification_recipients (user_id, email, registered_at) SELECT u, 'u-' || u || '@example.test', now() FROM unnest($1::uuid[]) AS u`,
    [userIds],
  );
  const dayAhead = new Date(Date.now() + 86_400_000);
  for (let start = 0; start < reminders; start += 10_000) {
    const n = Math.min(10_000, reminders - start);
    const tasks = Array.from({ length: n }, () => randomUUID());
    const owners = tasks.map((_, i) => userIds[(start + i) % userIds.length]!);
    await pool.query(
      `INSERT INTO task_reminders (task_id, user_id, title, date, due_time, minutes_before)
       SELECT t, u, 'Task ' || left(t::text, 8), $3::date, '09:15', 15 FROM unnest($1::uuid[], $2::uuid[]) AS x (t, u)`,
      [tasks, owners, dayAhead.toISOString().slice(0, 10)],
    );
    await pool.query(
      `INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at)
       SELECT 'task:' || t, u, 'TASK_DUE', t, $3, $4, now() FROM unnest($1::uuid[], $2::uuid[]) AS x (t, u)`,
      [tasks, owners, dayAhead.toISOString().slice(0, 10), dayAhead],
    );
  }
}

async function runPhase(phase: 'burst' | 'spread'): Promise<PhaseResult> {
  const db = await createTestDatabase(`bench_reminders_${phase}`);
  const pools: Pool[] = [];
  const schedulers: Scheduler[] = [];
  try {
    const admin = createPool(db.url, { applicationName: 'bench-reminders', max: 2 });
    pools.push(admin);
    await migrateNotificationsDatabase(admin);
    await seed(admin);
    await admin.query('VACUUM ANALYZE');

    const lateness = new Histogram();
    let fired = 0;
    let lastCommit = 0;
    for (let i = 0; i < instances; i += 1) {
      const pool = createPool(db.url, { applicationName: `bench-reminders-${i}`, max: 4 });
      pools.push(pool);
      const scheduler = createScheduler({
        store: profiled(pgScheduleStore(pool)), log,
        ...(values['batch-size'] ? { batchSize: Number(values['batch-size']) } : {}),
        ...(values.lanes ? { concurrency: Number(values.lanes) } : {}),
        lookAheadMs: Number(values['look-ahead-s']) * 1000,
        ...(values['flip-batch-size'] ? { flipBatchSize: Number(values['flip-batch-size']) } : {}), now: () => new Date(), newId: randomUUID,
        onFired: (batch) => {
          for (const f of batch) lateness.recordMs(f.committedAt.getTime() - f.fireAt.getTime());
          fired += batch.length;
          lastCommit = Math.max(lastCommit, batch[0]?.committedAt.getTime() ?? 0);
        },
      });
      schedulers.push(scheduler);
      scheduler.start();
    }
    // The schedulers sleep (nothing due for a day); then every row moves to its fire time, a few seconds ahead.
    await sleep(1_500);
    const firstAt = Date.now() + Number(values['lead-s']) * 1000;
    const spreadMs = phase === 'burst' ? 0 : Number(values['spread-ms']);
    const updateStarted = Date.now();
    await admin.query(
      `UPDATE scheduled_notifications s SET fire_at = to_timestamp($1::double precision / 1000) + make_interval(secs => (r.n - 1) * $2::double precision / $3 / 1000)
         FROM (SELECT key, row_number() OVER (ORDER BY key) AS n FROM scheduled_notifications) r WHERE r.key = s.key`,
      [firstAt, spreadMs, reminders],
    );
    const updateMs = Date.now() - updateStarted;
    if (Date.now() > firstAt) console.error(`${phase}: moving the rows took ${updateMs} ms, past the first fire time: lateness includes it`);
    const load = new LoadSampler();
    const deadline = Date.now() + spreadMs + timeoutMs;
    while (fired < reminders && Date.now() < deadline) await sleep(100);
    const loadAverage = load.stop();
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    const counts = await admin.query<{ notifications: number; events: number; keys: number }>(
      `SELECT (SELECT count(*)::int FROM notifications) AS notifications,
              (SELECT count(*)::int FROM outbox WHERE event_type = 'NotificationCreated') AS events,
              (SELECT count(DISTINCT dedupe_key)::int FROM notifications) AS keys`,
    );
    const { notifications, events, keys } = counts.rows[0]!;
    // Exactly once: one notification per dedupe key, one event per notification, each one the schedulers saw commit.
    if (notifications !== events || keys !== notifications || notifications !== fired) {
      throw new Error(`${phase}: ${notifications} notifications, ${events} NotificationCreated, ${keys} dedupe keys, ${fired} fired`);
    }
    if (fired < reminders) console.error(`${phase}: only ${fired} of ${reminders} fired within the time limit (${values['timeout-s']} s after the last fire time)`);
    if (values.profile) {
      for (const [name, t] of [...timings].sort((a, b) => b[1].ms - a[1].ms)) {
        console.info(`${phase} profile: ${name}: ${t.calls} calls, ${Math.round(t.ms)} ms in all, ${(t.ms / t.calls).toFixed(1)} ms mean`);
      }
      timings.clear();
    }
    const summary = lateness.summary();
    const drainSeconds = (lastCommit - firstAt - spreadMs) / 1000;
    return {
      phase, fired, minMs: summary.minMs, updateMs, p50Ms: summary.p50Ms, p95Ms: summary.p95Ms, p99Ms: summary.p99Ms, maxMs: summary.maxMs,
      drainSeconds: Math.round(drainSeconds * 100) / 100,
      perSecond: Math.round(fired / Math.max((lastCommit - firstAt) / 1000, 0.001)),
      notifications, events, load: loadAverage.mean,
    };
  } finally {
    await Promise.all(schedulers.map((s) => s.stop()));
    for (const pool of pools) await pool.end();
    await db.drop();
  }
}

const results: PhaseResult[] = [];
for (const phase of values.phases.split(',')) {
  if (phase !== 'burst' && phase !== 'spread') throw new Error(`unknown phase ${phase} (burst, spread)`);
  results.push(await runPhase(phase));
  console.info(JSON.stringify(results.at(-1)));
}
console.info(`\n${reminders} reminders, ${users} users, ${instances} scheduler instance(s)\n`);
console.info('| phase | fired | lateness min | p50 | p95 | p99 | max | last commit after the last fire time | notifications/s | load (mean) |');
console.info('|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.info(`| ${r.phase} | ${r.fired} | ${r.minMs.toFixed(0)} ms | ${r.p50Ms.toFixed(0)} ms | ${r.p95Ms.toFixed(0)} ms | ${r.p99Ms.toFixed(0)} ms | ${r.maxMs.toFixed(0)} ms | ${r.drainSeconds} s | ${r.perSecond} | ${r.load} |`);
}
