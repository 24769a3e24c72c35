import { newEvent, type AnyEvent } from '@mindflow/events';
import type { Logger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { decideFiring, nextTaskFiring as domainNextTaskFiring, type Firing, type NextTaskFiring } from './firing.js';
import type { DueFiring, FlippedFiring, NewDelivery, NextFiring, PreparedFiring, ScheduleStore } from './ports/schedule-store.js';
import { schedulerMetrics } from './scheduler-metrics.js';

/** The `source` of the events this service decides. */
export const notificationsSource = 'notifications';

export interface SchedulerOptions {
  /** The notifications DB: the schedule, notifications, deliveries and the outbox the events go to. */
  readonly store: ScheduleStore;
  readonly log: Logger;
  readonly now: () => Date;
  readonly newId: () => string;
  /** The next fire time of a task reminder after it fired (default: the domain's, `nextTaskReminder`). */
  readonly nextTaskFiring?: NextTaskFiring;
  /** Rows claimed per transaction. */
  readonly batchSize?: number;
  /** Batches in flight at once in this process (each its own transaction; SKIP LOCKED keeps them apart). */
  readonly concurrency?: number;
  /** The longest sleep between two looks at the schedule (the safety net for a lost wake-up). */
  readonly maxSleepMs?: number;
  /** Listens for wake-ups (the schedule's NOTIFY), called before each sleep; without it the scheduler only polls. */
  readonly listen?: () => Promise<boolean>;
  /** How far ahead a row whose decision throws is moved (default a day): it waits there, logged, not in the way. */
  readonly parkMs?: number;
  /**
   * The look-ahead (0: off): rows due within this many ms are decided ahead of their time and staged (their
   * notification, deliveries and NotificationCreated computed and sealed as at their fire time, invisible), so at
   * the fire time one set-wise statement per batch fires them. Weekly reflections are decided when they fire.
   */
  readonly lookAheadMs?: number;
  /** Rows decided per look-ahead transaction. */
  readonly lookAheadBatchSize?: number;
  /** Staged firings fired per transaction at their time. */
  readonly flipBatchSize?: number;
  /** How late a staged firing may still be fired as decided (default 30 s); later, it is decided again. */
  readonly stagedGraceMs?: number;
  readonly metrics?: Registry;
  /** Told of every notification committed (tests, the benchmark). */
  readonly onFired?: (fired: readonly FiredNotification[]) => void;
}

export interface FiredNotification {
  readonly notificationId: string;
  readonly dedupeKey: string;
  readonly fireAt: Date;
  readonly committedAt: Date;
}

export interface Scheduler {
  /** Fires everything due now (every lane until a short batch); resolves with how many notifications were created. */
  runOnce(): Promise<number>;
  /** Cuts the current sleep short: a row may have become due sooner (the schedule's NOTIFY). */
  wake(): void;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Fires due `scheduled_notifications` rows. One transaction per batch claims due rows (FOR UPDATE SKIP LOCKED),
 * inserts each notification (its dedupe key `key@occurrence` makes a repeated firing a no-op), its deliveries and
 * `NotificationCreated` in the outbox (a WEEKLY_REFLECTION's reflection too, generated once per week, its subject),
 * and moves each row to its next fire time or deletes it (a row that cannot be decided: a day ahead): a crash before the
 * commit fires the rows again after the restart, one after it finds them moved. Between rounds it sleeps until
 * the earliest fire time, at most `maxSleepMs`, and wakes early on `wake()`.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, log } = options;
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 2;
  const maxSleepMs = options.maxSleepMs ?? 1_000;
  const busyPauseMs = Math.min(50, maxSleepMs);
  const parkMs = options.parkMs ?? 86_400_000;
  const nextTaskFiring = options.nextTaskFiring ?? domainNextTaskFiring;
  const lookAheadMs = options.lookAheadMs ?? 0;
  const lookAheadBatchSize = options.lookAheadBatchSize ?? 1_000;
  const flipBatchSize = options.flipBatchSize ?? 2_000;
  const graceMs = options.stagedGraceMs ?? 30_000;
  /** A look-ahead turn's time budget, so that it does not hold back a round of firing for long. */
  const prepareBudgetMs = 250;
  let lastStaleDrop = 0;
  const metrics = schedulerMetrics(options.metrics ?? new Registry());
  let running: Promise<void> | undefined;
  let stopping = false;
  let woken = false;
  let wakeSleeper: (() => void) | undefined;

  async function fireBatch(): Promise<{ claimed: number; fired: number }> {
    const outcome = await store.transaction(async (tx) => {
      const now = options.now();
      const due = await tx.claimDue(batchSize, now, lookAheadMs > 0 ? { skipStagedWithinMs: graceMs } : undefined);
      if (due.length === 0) return { claimed: 0, fresh: [] as { firing: Firing; fireAt: Date }[], parkedKinds: [] as string[] };
      // Each row is decided on its own: a row whose decision throws (a plan that cannot be read, an event that does
      // not validate) is parked a day ahead with its key logged, and the rest of the batch fires. Without this one
      // bad row would roll the batch back and, being the earliest, be claimed first again on every round.
      const firings: { firing: Firing; row: DueFiring; event: AnyEvent }[] = [];
      const parked: { key: string; kind: string; next: NextFiring }[] = [];
      for (const row of due) {
        try {
          let firing = decideFiring(row, now, options.newId(), nextTaskFiring);
          if (firing.notification.kind === 'WEEKLY_REFLECTION') {
            // the reflection it says is ready commits with it (generated once per week), and is its subject
            const reflectionId = await tx.weeklyReflection({ userId: row.userId, occurrence: row.occurrence, firedAt: now });
            firing = { ...firing, notification: { ...firing.notification, subjectType: 'WeeklyReflection', subjectId: reflectionId } };
          }
          firings.push({ firing, row, event: notificationCreated(firing, now) });
        } catch (error) {
          parked.push({ key: row.key, kind: row.kind, next: { fireAt: new Date(now.getTime() + parkMs), occurrence: row.occurrence } });
          log.error({ key: row.key, occurrence: row.occurrence, err: error instanceof Error ? error.message : 'unknown' },
            'scheduled notification cannot be decided; parked for a day');
        }
      }
      const inserted = await tx.insertNotifications(firings.map(({ firing }) => firing.notification));
      const fresh = firings.filter(({ firing }) => inserted.has(firing.notification.id));
      const deliveries: NewDelivery[] = fresh.flatMap(({ firing }) =>
        deliveriesOf(firing).map((d) => ({ notificationId: firing.notification.id, ...d, nextAttemptAt: now })));
      await tx.insertDeliveries(deliveries);
      await tx.appendEvents(fresh.map(({ event }) => event));
      await tx.moveOn([...firings.map(({ firing, row }) => ({ key: row.key, next: firing.next })), ...parked.map(({ key, next }) => ({ key, next }))], now);
      return { claimed: due.length, fresh: fresh.map(({ firing, row }) => ({ firing, fireAt: row.fireAt })), parkedKinds: parked.map((p) => p.kind) };
    });
    for (const kind of outcome.parkedKinds) metrics.parked.inc({ kind }); // counted once committed
    if (outcome.fresh.length > 0) {
      afterCommit(outcome.fresh.map(({ firing, fireAt }) => ({ notificationId: firing.notification.id, dedupeKey: firing.notification.dedupeKey, kind: firing.notification.kind, fireAt })));
    }
    return { claimed: outcome.claimed, fired: outcome.fresh.length };
  }

  /** What a firing delivers beyond IN_APP: EMAIL to the address, WEBHOOK to each of the webhooks. */
  function deliveriesOf(firing: Firing): { channel: 'EMAIL' | 'WEBHOOK'; target: string }[] {
    return [
      ...(firing.channels.includes('EMAIL') ? [{ channel: 'EMAIL' as const, target: 'email' }] : []),
      ...firing.webhookIds.map((webhookId) => ({ channel: 'WEBHOOK' as const, target: webhookId })),
    ];
  }

  /** Fires one batch of staged firings due now (the look-ahead's decisions), one statement. */
  async function flipBatch(): Promise<{ taken: number; fired: number }> {
    const outcome = await store.transaction((tx) => tx.flipDue(flipBatchSize, options.now(), graceMs));
    if (outcome.fired.length > 0) afterCommit(outcome.fired);
    return { taken: outcome.taken, fired: outcome.fired.length };
  }

  /**
   * The look-ahead: decides rows due within `lookAheadMs` as at their fire time and stages them, batch after batch
   * until none is left or `deadline` (at least one batch). A row whose decision throws is not staged: it is decided
   * (and parked) when it is due. Resolves with whether rows may be left to stage. `concurrency` lanes at once
   * (SKIP LOCKED keeps them apart), as the firing's.
   */
  async function prepareAhead(deadline: number): Promise<boolean> {
    const lanes = await Promise.all(Array.from({ length: concurrency }, () => prepareLane(deadline)));
    return lanes.some(Boolean);
  }

  async function prepareLane(deadline: number): Promise<boolean> {
    do {
      const claimed = await store.transaction(async (tx) => {
        const now = options.now();
        const rows = await tx.claimAhead(lookAheadBatchSize, now, new Date(now.getTime() + lookAheadMs));
        const prepared: PreparedFiring[] = [];
        for (const row of rows) {
          try {
            const firing = decideFiring(row, row.fireAt, options.newId(), nextTaskFiring);
            prepared.push({
              key: row.key, occurrence: row.occurrence, fireAt: row.fireAt, notification: firing.notification,
              deliveries: deliveriesOf(firing), event: notificationCreated(firing, row.fireAt), next: firing.next,
            });
          } catch {
            // decided again at its fire time, where it is parked and logged
          }
        }
        await tx.stage(prepared, now);
        return rows.length;
      });
      if (claimed < lookAheadBatchSize) return false;
    } while (!stopping && options.now().getTime() < deadline);
    return true;
  }

  function notificationCreated(firing: Firing, now: Date): AnyEvent {
    const { notification } = firing;
    return newEvent('NotificationCreated', {
      eventId: options.newId(),
      occurredAt: now.toISOString(),
      source: notificationsSource,
      correlationId: notification.id,
      causationId: null,
      userId: notification.userId,
      aggregateId: notification.id,
      aggregateVersion: 1,
      payload: {
        notificationId: notification.id,
        userId: notification.userId,
        kind: notification.kind,
        title: notification.title,
        body: notification.body,
        subjectType: notification.subjectType,
        subjectId: notification.subjectId,
        channels: [...firing.channels],
        createdAt: now.toISOString(),
      },
    });
  }

  function afterCommit(fresh: readonly FlippedFiring[]): void {
    const committedAt = options.now();
    for (const { kind, fireAt } of fresh) {
      metrics.fired.inc({ kind });
      metrics.lateness.observe(Math.max(0, committedAt.getTime() - fireAt.getTime()) / 1000);
    }
    options.onFired?.(fresh.map(({ notificationId, dedupeKey, fireAt }) => ({ notificationId, dedupeKey, fireAt, committedAt })));
    log.debug({ fired: fresh.length }, 'notifications fired');
  }

  /** One lane: batches until one comes back short (bounded, so a flood cannot starve the sleep's checks). */
  async function lane(): Promise<number> {
    let fired = 0;
    for (let i = 0; i < 10_000 && !stopping; i += 1) {
      if (lookAheadMs > 0) {
        const flip = await flipBatch();
        fired += flip.fired;
        if (flip.taken >= flipBatchSize) continue;
      }
      const batch = await fireBatch();
      fired += batch.fired;
      if (batch.claimed < batchSize) break;
    }
    return fired;
  }

  async function runOnce(): Promise<number> {
    const lanes = await Promise.all(Array.from({ length: concurrency }, () => lane()));
    return lanes.reduce((a, b) => a + b, 0);
  }

  function sleep(ms: number): Promise<void> {
    if (stopping || woken || ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeSleeper = undefined;
        resolve();
      }
      wakeSleeper = done;
    });
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      woken = false;
      try {
        const fired = await runOnce();
        let more = false;
        if (lookAheadMs > 0) {
          const soonest = await store.nextFireAt();
          const started = options.now().getTime();
          more = await prepareAhead(Math.min(started + prepareBudgetMs, soonest?.getTime() ?? Number.POSITIVE_INFINITY));
          if (started - lastStaleDrop > 10_000) {
            lastStaleDrop = started;
            await store.dropStale(options.now(), graceMs);
          }
        }
        if (more) continue;
        if (options.listen) await options.listen().catch(() => false);
        const next = await store.nextFireAt();
        // Until the earliest fire time, at most maxSleepMs: a row inserted due sooner wakes it (NOTIFY) or, when
        // not listening, is found by the next look. Rows due that another instance holds: a short pause, no spin.
        const untilNext = next ? next.getTime() - options.now().getTime() : maxSleepMs;
        await sleep(Math.min(Math.max(untilNext, fired === 0 ? busyPauseMs : 0), maxSleepMs));
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'scheduler round failed; retrying');
        await sleep(maxSleepMs);
      }
    }
  }

  return {
    runOnce,
    wake() {
      woken = true;
      wakeSleeper?.();
    },
    start() {
      if (running) return;
      stopping = false;
      running = loop();
    },
    async stop() {
      stopping = true;
      wakeSleeper?.();
      await running;
      running = undefined;
    },
  };
}
