import { newEvent, type AnyEvent } from '@mindflow/events';
import { backoffDelay, type BackoffPolicy, type Logger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { deliveryMetrics } from './delivery-metrics.js';
import { refusedAddressError, type AddressGuard } from './ports/address-guard.js';
import type { DeliveryTransaction, DueDelivery } from './ports/delivery-store.js';
import type { DeliveryStore } from './ports/delivery-store.js';
import type { DeliveryWakeups } from './ports/delivery-wakeups.js';
import type { MailSender } from './ports/mail-sender.js';
import type { WebhookSender } from './ports/webhook-sender.js';

/** The `source` of the events this service decides. */
export const notificationsSource = 'notifications';

/** Retries of a failed delivery: 30 s, 1 min, 2 min … up to an hour, ±30 % at random. */
export const defaultDeliveryRetry: BackoffPolicy = { initialMs: 30_000, maxMs: 3_600_000, jitter: 0.3 };

export interface DeliveryWorkerOptions {
  /** The notifications DB: due deliveries, webhooks, the outbox the events go to. */
  readonly store: DeliveryStore;
  readonly mail: MailSender;
  readonly webhooks: WebhookSender;
  /** Checks every webhook address right before its delivery. */
  readonly guard: AddressGuard;
  readonly log: Logger;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Attempts of one delivery before it is given up (NotificationFailed). Default 8. */
  readonly maxAttempts?: number;
  /** Consecutive failed attempts (over all its deliveries) after which a webhook is disabled. Default 8. */
  readonly webhookMaxFailures?: number;
  readonly retry?: BackoffPolicy;
  /** Deliveries claimed and sent at once (default 16); at most the mail pool's connections (`deliveryLimits`). */
  readonly batchSize?: number;
  /** How long a claimed delivery is ours before another worker may take it (longer than any send's time limit). */
  readonly leaseMs?: number;
  /**
   * The longest the worker sleeps with nothing due while `wakeups` listens (`poke()` ends a sleep early). Default
   * 10 s; 1 s without a listening `wakeups`.
   */
  readonly idlePollMs?: number;
  /** Deliveries queued by any process poke the worker (the DB's notices); without it, `poke()` alone. */
  readonly wakeups?: DeliveryWakeups;
  readonly metrics?: Registry;
  /** Jitter's randomness (tests). */
  readonly random?: () => number;
}

export interface DeliveryWorker {
  /** Sends every due delivery once; resolves with how many outcomes were recorded (tests, and the loop). */
  runOnce(): Promise<number>;
  /** Says deliveries may have been queued (the scheduler, after its commit): a sleeping worker looks at once. */
  poke(): void;
  start(): void;
  stop(): Promise<void>;
}

/** The result of one try, before it is recorded. */
/** `status`: the webhook receiver's HTTP status (null: no answer, or not a webhook). */
type Attempt = { readonly ok: true; readonly status: number | null } | { readonly ok: false; readonly error: string; readonly status: number | null };
/** Ended without a try: nothing was sent, nothing is announced. */
type Untried = { readonly untried: string };

/**
 * Sends what the scheduler queued in `notification_deliveries`: email through the MailSender (skipped when the
 * user unsubscribed), webhooks through the WebhookSender to an address the AddressGuard just checked. Each
 * outcome is recorded in one transaction with its event in the notifications outbox: `NotificationSent`, or
 * `NotificationFailed` once the delivery is given up; a failed attempt short of that is retried with backoff and
 * jitter. Every webhook attempt is a `webhook_deliveries` row; a webhook failing `webhookMaxFailures` times in a
 * row is disabled, and its user gets a notification saying so (stored with its `NotificationCreated` in the
 * same transaction). At least once: a crash between a send and its commit sends again after the lease.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { store, log } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const webhookMaxFailures = options.webhookMaxFailures ?? 8;
  const retry = options.retry ?? defaultDeliveryRetry;
  const batchSize = options.batchSize ?? 16;
  const leaseMs = options.leaseMs ?? 120_000;
  const idlePollMs = options.idlePollMs ?? 10_000;
  const random = options.random ?? Math.random;
  const metrics = deliveryMetrics(options.metrics ?? new Registry());
  let running: Promise<void> | undefined;
  let stopping = false;
  let poked = false;
  let wake: (() => void) | undefined;

  function sleep(ms: number): Promise<void> {
    if (stopping || poked || ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function sendEmail(delivery: DueDelivery): Promise<Attempt | Untried> {
    if (delivery.emailUnsubscribed) return { untried: 'unsubscribed' };
    if (delivery.email === null) return { ok: false, error: 'recipient unknown', status: null };
    try {
      await options.mail.send({
        to: delivery.email,
        displayName: delivery.displayName,
        userId: delivery.userId,
        notificationId: delivery.notificationId,
        kind: delivery.kind,
        title: delivery.title,
        body: delivery.body,
      });
      return { ok: true, status: null };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : 'mail not sent', status: null };
    }
  }

  async function sendWebhook(delivery: DueDelivery, at: Date): Promise<Attempt | Untried> {
    const webhook = delivery.webhook;
    if (webhook === null || webhook.deleted) return { untried: 'webhook deleted' };
    if (webhook.disabled) return { untried: 'webhook disabled' };
    let url: URL;
    try {
      url = new URL(webhook.url);
    } catch {
      return { ok: false, error: 'invalid url', status: null };
    }
    const address = await options.guard.check(url);
    if (!address.ok) {
      // The detail (host, the addresses it resolves to, their range) maps the internal network: log only.
      log.warn({ notificationId: delivery.notificationId, webhookId: webhook.id, reason: address.reason }, 'webhook address refused');
      return { ok: false, error: refusedAddressError(address), status: null };
    }
    const sent = await options.webhooks.send(
      {
        url,
        secret: webhook.secret,
        messageId: delivery.notificationId,
        sentAt: at,
        message: {
          type: delivery.kind,
          timestamp: delivery.createdAt.toISOString(),
          data: { notificationId: delivery.notificationId, title: delivery.title, body: delivery.body, subjectId: delivery.subjectId },
        },
      },
      address,
    );
    return sent.ok ? { ok: true, status: sent.status } : { ok: false, error: sent.error ?? `HTTP ${sent.status ?? 'no answer'}`, status: sent.status };
  }

  function eventMeta(delivery: DueDelivery, at: Date, aggregateId: string, aggregateVersion: number) {
    return {
      eventId: options.newId(),
      occurredAt: at.toISOString(),
      source: notificationsSource,
      correlationId: delivery.notificationId,
      causationId: null,
      userId: delivery.userId,
      aggregateId,
      aggregateVersion,
    };
  }

  /** The notification telling the user their webhook was disabled, and its NotificationCreated. */
  async function noticeDisabled(tx: DeliveryTransaction, delivery: DueDelivery, webhookId: string, host: string, failures: number, at: Date): Promise<AnyEvent[]> {
    const id = options.newId();
    // No NotificationKind is about the account itself; TASK_DUE ("something for you to do") is the closest:
    // the user has an endpoint to fix. It has no subject, and it is only in-app (its webhook is what failed).
    const title = 'Webhook disabled';
    const body = `Your webhook to ${host} failed ${failures} times in a row and was disabled. Fix the endpoint, then create the webhook again.`;
    const inserted = await tx.insertNotification({ id, userId: delivery.userId, kind: 'TASK_DUE', title, body, dedupeKey: `webhook-disabled:${webhookId}`, createdAt: at });
    if (!inserted) return [];
    return [
      newEvent('NotificationCreated', {
        ...eventMeta(delivery, at, id, 1),
        payload: { notificationId: id, userId: delivery.userId, kind: 'TASK_DUE', title, body, subjectType: null, subjectId: null, channels: [], createdAt: at.toISOString() },
      }),
    ];
  }

  /** Records one outcome; false when another worker recorded this attempt first (its lease ran out on us). */
  async function record(delivery: DueDelivery, outcome: Attempt | Untried, at: Date): Promise<boolean> {
    return store.transaction(async (tx) => {
      const attemptsBefore = await tx.lockPending(delivery);
      if (attemptsBefore !== delivery.attempts) return false;
      if ('untried' in outcome) {
        await tx.markFailed(delivery, attemptsBefore, outcome.untried);
        metrics.deliveries.inc({ channel: delivery.channel, outcome: 'skipped' });
        log.info({ notificationId: delivery.notificationId, channel: delivery.channel, reason: outcome.untried }, 'delivery skipped');
        return true;
      }
      const attempts = attemptsBefore + 1;
      const webhookId = delivery.channel === 'WEBHOOK' ? delivery.webhook?.id : undefined;
      const targetId = webhookId ?? null;
      if (webhookId) {
        await tx.recordWebhookAttempt({
          id: options.newId(),
          webhookId,
          notificationId: delivery.notificationId,
          attempt: attempts,
          at,
          status: outcome.status,
          ok: outcome.ok,
          error: outcome.ok ? null : outcome.error,
        });
      }
      const events: AnyEvent[] = [];
      if (outcome.ok) {
        await tx.markSent(delivery, attempts);
        if (webhookId) await tx.webhookSucceeded(webhookId);
        const version = await tx.nextNotificationVersion(delivery.notificationId);
        events.push(
          newEvent('NotificationSent', {
            ...eventMeta(delivery, at, delivery.notificationId, version),
            payload: { notificationId: delivery.notificationId, userId: delivery.userId, channel: delivery.channel, targetId, attempts, sentAt: at.toISOString() },
          }),
        );
        metrics.deliveries.inc({ channel: delivery.channel, outcome: 'sent' });
      } else {
        let disabled = false;
        if (webhookId) {
          const failures = await tx.webhookFailed(webhookId);
          if (failures >= webhookMaxFailures && (await tx.disableWebhook(webhookId, at))) {
            disabled = true;
            metrics.webhooksDisabled.inc();
            log.warn({ webhookId, failures }, 'webhook disabled after consecutive failures');
            events.push(...(await noticeDisabled(tx, delivery, webhookId, hostOf(delivery.webhook?.url), failures, at)));
          }
        }
        if (disabled || attempts >= maxAttempts) {
          await tx.markFailed(delivery, attempts, outcome.error);
          const version = await tx.nextNotificationVersion(delivery.notificationId);
          events.push(
            newEvent('NotificationFailed', {
              ...eventMeta(delivery, at, delivery.notificationId, version),
              payload: {
                notificationId: delivery.notificationId,
                userId: delivery.userId,
                channel: delivery.channel,
                targetId,
                attempts,
                reason: outcome.error,
                webhookDisabled: disabled,
                failedAt: at.toISOString(),
              },
            }),
          );
          metrics.deliveries.inc({ channel: delivery.channel, outcome: 'failed' });
        } else {
          const next = new Date(at.getTime() + backoffDelay(attempts, retry, random));
          await tx.retryAt(delivery, attempts, next, outcome.error);
          metrics.deliveries.inc({ channel: delivery.channel, outcome: 'retried' });
        }
      }
      await tx.appendEvents(events);
      log.info({ notificationId: delivery.notificationId, channel: delivery.channel, targetId, attempts, ok: outcome.ok, events: events.map((e) => e.eventType) }, 'delivery attempt recorded');
      return true;
    });
  }

  async function deliver(delivery: DueDelivery): Promise<boolean> {
    const at = options.now();
    try {
      const outcome = delivery.channel === 'EMAIL' ? await sendEmail(delivery) : await sendWebhook(delivery, at);
      return await record(delivery, outcome, at);
    } catch (error) {
      // Not recorded (the DB failed): the lease runs out and the delivery is tried again.
      log.error({ notificationId: delivery.notificationId, channel: delivery.channel, err: error instanceof Error ? error.message : 'unknown' }, 'delivery outcome not recorded; retried after its lease');
      return false;
    }
  }

  async function runOnce(): Promise<number> {
    let recorded = 0;
    for (let round = 0; round < 1_000 && !stopping; round += 1) {
      const due = await store.claimDue(batchSize, leaseMs, options.now());
      if (due.length === 0) break;
      recorded += (await Promise.all(due.map(deliver))).filter(Boolean).length;
    }
    return recorded;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      poked = false;
      try {
        const listening = (await options.wakeups?.listen()) ?? false;
        await runOnce();
        const next = await store.nextDueAt();
        const longest = listening || !options.wakeups ? idlePollMs : Math.min(idlePollMs, 1_000);
        const wait = next ? Math.min(longest, next.getTime() - options.now().getTime()) : longest;
        await sleep(Math.max(wait, 20));
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'delivery worker round failed');
        await sleep(Math.min(idlePollMs, 2_000));
      }
    }
  }

  return {
    runOnce,
    poke() {
      poked = true;
      wake?.();
    },
    start() {
      running ??= loop();
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
      options.mail.close();
    },
  };
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : 'its endpoint';
  } catch {
    return 'its endpoint';
  }
}
