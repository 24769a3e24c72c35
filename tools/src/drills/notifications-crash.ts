// The notifications crash drill (issue 14): reminders all due at the same instant, the notifications projector
// (whose scheduler fires them) killed with `kill -9` at the worst moment — while a firing transaction has claimed
// due rows and written notifications but not committed (seen from outside: the scheduler's backend holds a
// transaction id, pg_stat_activity) — then restarted. Every reminder must have fired exactly once: one
// notification and one NotificationCreated in the outbox each, none lost, none twice.
import { setTimeout as sleep } from 'node:timers/promises';
import { createPool, type Pool } from '@mindflow/db';
import { firingCounts, scheduleReminders, type ScheduledReminder } from '@mindflow/notifications-service/testing';
import type { DrillContext, FaultNotes } from './drills.js';

/** The scheduler runs in the notifications projector's process, on the projection's pool (its application name). */
const schedulerRole = 'notifications-projector';

/** Reminders due at once, per profile: enough that firing them takes several batch transactions. */
const remindersDue = { quick: 4_000, full: 40_000 } as const;

/** Rounds tried when every reminder of a round fired before a firing transaction was seen open (a fast machine). */
const rounds = 3;

export async function killNotifications({ env, profile, log }: DrillContext): Promise<FaultNotes> {
  const service = env.service(schedulerRole);
  const url = service.spec.env['NOTIFICATIONS_DATABASE_URL'];
  if (!url) throw new Error(`${schedulerRole} has no NOTIFICATIONS_DATABASE_URL`);
  const pool = createPool(url, { applicationName: 'drill-notifications', max: 4 });
  const notes: FaultNotes = {};
  try {
    for (let round = 1; round <= rounds; round += 1) {
      const count = remindersDue[profile.name];
      const firstAt = new Date(Date.now() + 3_000);
      const reminders = await scheduleReminders(pool, { count, users: 200, firstAt, spreadMs: 0, promptEvery: 10 });
      log(`${count} reminders due at ${firstAt.toISOString()} (round ${round}); waiting for a firing transaction to kill the scheduler in`);
      const window = await waitForOpenFiring(pool, reminders, firstAt.getTime() + 30_000);
      if (!window.caught) {
        log(`round ${round}: all ${count} fired before a firing transaction was seen open; again`);
        continue;
      }
      await service.kill();
      const killedAt = performance.now();
      const firedAtKill = await fired(pool, reminders);
      log(`kill -9 ${schedulerRole} with ${window.openTransactions} firing transaction(s) open; ${firedAtKill} of ${count} committed at the kill`);
      await sleep(profile.deadMs);
      await service.start(120_000);
      const restartMs = Math.round(performance.now() - killedAt);
      // All fired after the restart (within the settle bound): then count each reminder's notifications and events.
      const deadline = performance.now() + profile.settleMs;
      while ((await fired(pool, reminders)) < count && performance.now() < deadline) await sleep(100);
      const allFiredMs = Math.round(performance.now() - killedAt);
      const { notifications, events } = await firingCounts(pool, reminders);
      const keys = reminders.map((r) => `${r.key}@${r.occurrence}`);
      const lost = keys.filter((k) => !notifications.has(k)).length;
      const twice = keys.filter((k) => (notifications.get(k) ?? 0) > 1 || (events.get(k) ?? 0) > 1).length + (events.get('(orphan events)') ?? 0);
      const eventless = keys.filter((k) => notifications.has(k) && (events.get(k) ?? 0) === 0).length;
      Object.assign(notes, {
        rounds: round, remindersDue: count, openFiringTransactionsAtKill: window.openTransactions, firedBeforeKill: window.firedBefore,
        committedAtKill: firedAtKill, restartMs, allFiredAfterKillMs: allFiredMs, remindersLost: lost, remindersFiredTwice: twice, notificationsWithoutEvent: eventless,
      });
      log(`restarted in ${restartMs} ms; all fired ${allFiredMs} ms after the kill: ${lost} lost, ${twice} twice, ${eventless} without their event`);
      if (lost + twice + eventless > 0) throw Object.assign(new Error(`${lost} reminders lost, ${twice} fired twice, ${eventless} notifications without their event`), { notes });
      return notes;
    }
    throw Object.assign(new Error(`no firing transaction seen open in ${rounds} rounds: the kill never landed mid-firing`), { notes: { ...notes, rounds } });
  } finally {
    await pool.end();
  }
}

/** How many of `reminders` have their notification committed. */
async function fired(pool: Pool, reminders: readonly ScheduledReminder[]): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = ANY($1::text[])',
    [reminders.map((r) => `${r.key}@${r.occurrence}`)]);
  return rows[0]!.n;
}

/**
 * Polls until the scheduler has a firing transaction open that wrote (a transaction id: rows claimed FOR UPDATE,
 * notifications inserted; its statement one of the firing's, not the projection's entry rows) while some of
 * `reminders` are still unfired; false when all fired first or at `until`.
 */
async function waitForOpenFiring(pool: Pool, reminders: readonly ScheduledReminder[], until: number): Promise<{ caught: boolean; openTransactions: number; firedBefore: number }> {
  let checks = 0;
  while (Date.now() < until) {
    const { rows } = await pool.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1 AND backend_xid IS NOT NULL AND state IN ('active', 'idle in transaction')
          AND query ~* '(scheduled_notifications|into notifications|notification_deliveries|into outbox|reflection)'`,
      [schedulerRole],
    );
    if (rows[0]!.open > 0) return { caught: true, openTransactions: rows[0]!.open, firedBefore: await fired(pool, reminders) };
    // now and then: all fired already (this round missed its window)
    if (++checks % 50 === 0 && (await fired(pool, reminders)) === reminders.length) return { caught: false, openTransactions: 0, firedBefore: reminders.length };
  }
  return { caught: false, openTransactions: 0, firedBefore: await fired(pool, reminders) };
}
