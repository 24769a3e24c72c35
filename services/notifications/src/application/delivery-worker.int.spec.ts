import { createLogger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveryConfigSchema } from '../delivery/delivery-config.js';
import { deliveryWorker } from '../delivery/delivery-worker-factory.js';
import { notificationsProjectorConfigSchema } from '../projector/config.js';
import { setUpDeliveryWorker } from '../delivery/set-up-delivery-worker.js';
import { deliveryDatabase, type DeliveryDatabase } from '../test/delivery-database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../test/smtp-catcher.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test/webhook-receiver.js';
import type { DeliveryWorker } from './delivery-worker.js';

const log = createLogger('delivery-worker-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
const retry = { initialMs: 1_000, maxMs: 8_000, jitter: 0.3 };

describe('the delivery worker on a real notifications DB, SMTP server and webhook receiver', () => {
  let db: DeliveryDatabase;
  let smtp: SmtpCatcher;
  let receiver: WebhookReceiver;
  // near real time: the receiver's signature check (standardwebhooks) allows 5 minutes of clock difference
  const clock = { now: new Date(), advance(ms: number) { this.now = new Date(this.now.getTime() + ms); } };
  let metrics: Registry;
  const workers: DeliveryWorker[] = [];

  function worker(options: { allowLoopback?: boolean; realClock?: boolean; idlePollMs?: number } = {}): DeliveryWorker {
    const config = deliveryConfigSchema.parse({
      SMTP_URL: smtp.url,
      NOTIFICATIONS_UNSUBSCRIBE_URL: 'https://mindflow.test/unsubscribe',
      NOTIFICATIONS_UNSUBSCRIBE_SECRET: 'delivery-worker-test-secret',
      MINDFLOW_WEBHOOK_ALLOW_LOOPBACK: options.allowLoopback ?? true,
      NOTIFICATIONS_WEBHOOK_TIMEOUT_MS: 1_000,
      NOTIFICATIONS_WEBHOOK_MAX_FAILURES: 3,
      NOTIFICATIONS_DELIVERY_MAX_ATTEMPTS: 4,
    });
    const made = setUpDeliveryWorker(config, {
      pool: db.pool,
      log,
      mode: 'distributed',
      metrics,
      retry,
      ...(options.realClock ? {} : { now: () => clock.now }),
      ...(options.idlePollMs !== undefined ? { idlePollMs: options.idlePollMs } : {}),
    });
    workers.push(made);
    return made;
  }

  const delivery = async (notificationId: string, channel: string) =>
    (await db.pool.query<{ status: string; attempts: number; next_attempt_at: Date; last_error: string | null }>(
      'SELECT status, attempts, next_attempt_at, last_error FROM notification_deliveries WHERE notification_id = $1 AND channel = $2',
      [notificationId, channel],
    )).rows[0]!;
  const attemptsOf = async (webhookId: string) =>
    (await db.pool.query<{ attempt: number; status: number | null; ok: boolean; error: string | null; at: Date }>(
      'SELECT attempt, status, ok, error, at FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY attempt',
      [webhookId],
    )).rows;
  const eventsOf = async (aggregateId: string) => (await db.outbox()).filter((e) => e.aggregateId === aggregateId);
  const counted = async (channel: string, outcome: string) =>
    (await metrics.getSingleMetric('mindflow_notifications_deliveries_total')!.get()).values.find((v) => v.labels['channel'] === channel && v.labels['outcome'] === outcome)?.value ?? 0;

  beforeAll(async () => {
    [db, smtp] = await Promise.all([deliveryDatabase('notif_delivery'), startSmtpCatcher({ refuse: (to) => to.startsWith('gone') })]);
  });
  afterAll(async () => {
    await smtp.close();
    await db.drop();
  });
  beforeEach(async () => {
    metrics = new Registry();
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await receiver.close();
  });

  it('sends the email and the signed webhook, and records NotificationSent for each at the next versions', async () => {
    const userId = await db.recipient({ email: 'grace@example.com', displayName: 'Grace' });
    const hook = await db.webhook(userId, receiver.url('/mine'));
    const id = await db.notification(userId, { title: 'Pay rent', body: 'Today <b>really</b>' });
    await db.delivery(id, 'EMAIL', 'email', clock.now);
    await db.delivery(id, 'WEBHOOK', hook.id, clock.now);
    const mailsBefore = smtp.messages.length;
    const sender = worker();

    expect(await sender.runOnce()).toBe(2);

    const [mail] = (await smtp.waitFor(mailsBefore + 1)).slice(mailsBefore);
    expect(mail!.to).toEqual(['grace@example.com']);
    expect(mail!.parsed.subject).toBe('MindFlow: Pay rent');
    expect(String(mail!.parsed.html)).toContain('Today &lt;b&gt;really&lt;/b&gt;');
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    const verified = new Webhook(hook.secret).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    });
    expect(verified).toEqual({ type: 'TASK_DUE', timestamp: expect.any(String), data: { notificationId: id, title: 'Pay rent', body: 'Today <b>really</b>', subjectId: null } });
    expect(got.headers['webhook-id']).toBe(id);

    const events = await eventsOf(id);
    expect(events.map((e) => e.eventType)).toEqual(['NotificationSent', 'NotificationSent']);
    expect(events.map((e) => e.aggregateVersion).sort()).toEqual([2, 3]);
    expect(events.map((e) => e.payload).sort((a, b) => String(a['channel']).localeCompare(String(b['channel'])))).toEqual([
      { notificationId: id, userId, channel: 'EMAIL', targetId: null, attempts: 1, sentAt: clock.now.toISOString() },
      { notificationId: id, userId, channel: 'WEBHOOK', targetId: hook.id, attempts: 1, sentAt: clock.now.toISOString() },
    ]);
    expect((await db.pool.query<{ version: number }>('SELECT version FROM notifications WHERE id = $1', [id])).rows[0]!.version).toBe(3);
    expect((await delivery(id, 'EMAIL')).status).toBe('sent');
    expect(await attemptsOf(hook.id)).toEqual([{ attempt: 1, status: 204, ok: true, error: null, at: clock.now }]);
    expect([await counted('EMAIL', 'sent'), await counted('WEBHOOK', 'sent')]).toEqual([1, 1]);

    // nothing is sent twice
    clock.advance(600_000);
    expect(await sender.runOnce()).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it('skips the email of a user who unsubscribed: nothing sent, nothing announced', async () => {
    const userId = await db.recipient();
    await db.pool.query(`INSERT INTO notification_preferences (user_id, email_unsubscribed, updated_at) VALUES ($1, true, now())`, [userId]);
    const id = await db.notification(userId);
    await db.delivery(id, 'EMAIL', 'email', clock.now);
    const mailsBefore = smtp.messages.length;

    expect(await worker().runOnce()).toBe(1);

    expect(smtp.messages.length).toBe(mailsBefore);
    expect(await delivery(id, 'EMAIL')).toMatchObject({ status: 'failed', attempts: 0, last_error: 'unsubscribed' });
    expect(await eventsOf(id)).toEqual([]);
    expect(await counted('EMAIL', 'skipped')).toBe(1);
  });

  it('retries a failing webhook with backoff and jitter, disables it after 3 failures in a row and tells its user', async () => {
    receiver.answerWith(500);
    const userId = await db.recipient();
    const hook = await db.webhook(userId, receiver.url());
    const id = await db.notification(userId);
    await db.delivery(id, 'WEBHOOK', hook.id, clock.now);
    const sender = worker();

    for (const attempt of [1, 2]) {
      const at = clock.now;
      expect(await sender.runOnce()).toBe(1);
      const pending = await delivery(id, 'WEBHOOK');
      expect(pending).toMatchObject({ status: 'pending', attempts: attempt, last_error: 'HTTP 500' });
      const delay = pending.next_attempt_at.getTime() - at.getTime();
      const base = retry.initialMs * 2 ** (attempt - 1);
      expect(delay).toBeGreaterThanOrEqual(base * 0.7);
      expect(delay).toBeLessThanOrEqual(base * 1.3);
      expect(await sender.runOnce()).toBe(0); // not due yet
      clock.now = new Date(pending.next_attempt_at.getTime() + 1);
    }
    expect(await eventsOf(id)).toEqual([]);

    expect(await sender.runOnce()).toBe(1);

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([id]));
    expect((await attemptsOf(hook.id)).map(({ attempt, status, ok, error }) => ({ attempt, status, ok, error }))).toEqual(
      [1, 2, 3].map((attempt) => ({ attempt, status: 500, ok: false, error: 'HTTP 500' })),
    );
    const webhook = (await db.pool.query<{ disabled_at: Date | null; consecutive_failures: number }>('SELECT disabled_at, consecutive_failures FROM webhooks WHERE id = $1', [hook.id])).rows[0]!;
    expect(webhook).toEqual({ disabled_at: clock.now, consecutive_failures: 3 });
    expect(await delivery(id, 'WEBHOOK')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await eventsOf(id)).toEqual([
      {
        eventType: 'NotificationFailed',
        aggregateId: id,
        aggregateVersion: 2,
        userId,
        payload: { notificationId: id, userId, channel: 'WEBHOOK', targetId: hook.id, attempts: 3, reason: 'HTTP 500', webhookDisabled: true, failedAt: clock.now.toISOString() },
      },
    ]);
    const notice = (await db.pool.query<{ id: string; kind: string; title: string; body: string; version: number }>(
      `SELECT id, kind, title, body, version FROM notifications WHERE user_id = $1 AND id <> $2`,
      [userId, id],
    )).rows;
    expect(notice).toEqual([{ id: expect.any(String), kind: 'TASK_DUE', title: 'Webhook disabled', body: expect.stringContaining(`to 127.0.0.1:${receiver.port} failed 3 times in a row`), version: 1 }]);
    expect((await eventsOf(notice[0]!.id)).map((e) => [e.eventType, e.aggregateVersion, e.payload['kind'], e.payload['channels']])).toEqual([['NotificationCreated', 1, 'TASK_DUE', []]]);
    expect(await counted('WEBHOOK', 'failed')).toBe(1);
    expect(await counted('WEBHOOK', 'retried')).toBe(2);

    // a later notification to the disabled webhook is not sent
    const later = await db.notification(userId);
    await db.delivery(later, 'WEBHOOK', hook.id, clock.now);
    expect(await sender.runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(3);
    expect(await delivery(later, 'WEBHOOK')).toMatchObject({ status: 'failed', attempts: 0, last_error: 'webhook disabled' });
  });

  it('a delivered attempt ends the webhook\'s run of failures', async () => {
    receiver.answerWith(503);
    const userId = await db.recipient();
    const hook = await db.webhook(userId, receiver.url());
    const id = await db.notification(userId);
    await db.delivery(id, 'WEBHOOK', hook.id, clock.now);
    const sender = worker();
    expect(await sender.runOnce()).toBe(1);
    receiver.answerWith(200);
    clock.now = new Date((await delivery(id, 'WEBHOOK')).next_attempt_at.getTime() + 1);
    expect(await sender.runOnce()).toBe(1);
    expect((await db.pool.query<{ consecutive_failures: number }>('SELECT consecutive_failures FROM webhooks WHERE id = $1', [hook.id])).rows[0]).toEqual({ consecutive_failures: 0 });
    expect((await eventsOf(id)).map((e) => [e.eventType, e.payload['attempts']])).toEqual([['NotificationSent', 2]]);
    expect((await attemptsOf(hook.id)).map((a) => [a.attempt, a.status, a.ok])).toEqual([[1, 503, false], [2, 200, true]]);
  });

  it('gives an email up after the configured attempts with NotificationFailed (the SMTP server refuses it)', async () => {
    const userId = await db.recipient({ email: 'gone@example.com' });
    const id = await db.notification(userId);
    await db.delivery(id, 'EMAIL', 'email', clock.now);
    const sender = worker();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await sender.runOnce()).toBe(1);
      clock.now = new Date((await delivery(id, 'EMAIL')).next_attempt_at.getTime() + 1);
    }
    expect(await delivery(id, 'EMAIL')).toMatchObject({ status: 'failed', attempts: 4, last_error: 'smtp EENVELOPE 550' });
    expect((await eventsOf(id)).map((e) => e.payload)).toEqual([
      { notificationId: id, userId, channel: 'EMAIL', targetId: null, attempts: 4, reason: 'smtp EENVELOPE 550', webhookDisabled: false, failedAt: expect.any(String) },
    ]);
    expect(await counted('EMAIL', 'failed')).toBe(1);
  });

  it('refuses a webhook whose DNS name points at a loopback address (localhost) unless loopback is allowed', async () => {
    const userId = await db.recipient();
    const hook = await db.webhook(userId, `http://localhost:${receiver.port}/hook`);
    const id = await db.notification(userId);
    await db.delivery(id, 'WEBHOOK', hook.id, clock.now);

    expect(await worker({ allowLoopback: false }).runOnce()).toBe(1);

    expect(receiver.received).toEqual([]);
    const [attempt] = await attemptsOf(hook.id);
    // what Webhook.deliveries serves names no host, address or range (the detail is in the server log)
    expect(attempt).toMatchObject({ attempt: 1, status: null, ok: false, error: 'the address is not allowed' });
    expect(await delivery(id, 'WEBHOOK')).toMatchObject({ status: 'pending', attempts: 1, last_error: 'the address is not allowed' });
  });

  it('tells the user only that a host could not be resolved, not which name or why', async () => {
    const userId = await db.recipient();
    const hook = await db.webhook(userId, 'https://db-primary.corp.invalid/hook');
    const id = await db.notification(userId);
    await db.delivery(id, 'WEBHOOK', hook.id, clock.now);

    expect(await worker({ allowLoopback: false }).runOnce()).toBe(1);

    const attempts = await attemptsOf(hook.id);
    expect(attempts.map(({ attempt, ok, error }) => ({ attempt, ok, error }))).toEqual([{ attempt: 1, ok: false, error: 'the host could not be resolved' }]);
    expect(await delivery(id, 'WEBHOOK')).toMatchObject({ status: 'pending', attempts: 1, last_error: 'the host could not be resolved' });
  });

  it('shares due deliveries between two workers without sending one twice', async () => {
    const userId = await db.recipient();
    const hook = await db.webhook(userId, receiver.url());
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const id = await db.notification(userId);
      await db.delivery(id, 'WEBHOOK', hook.id, clock.now);
      ids.push(id);
    }
    const [a, b] = [worker(), worker()];
    const [sentByA, sentByB] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(sentByA + sentByB).toBe(12);
    expect(receiver.received.map((r) => r.headers['webhook-id']).sort()).toEqual([...ids].sort());
    const sent = (await db.outbox()).filter((e) => ids.includes(e.aggregateId));
    expect(sent.map((e) => [e.eventType, e.aggregateVersion])).toEqual(ids.map(() => ['NotificationSent', 2]));
  });

  it('started, it sends a queued delivery as soon as it is poked (its idle sleep is a minute)', async () => {
    const sender = worker({ realClock: true, idlePollMs: 60_000 });
    sender.start();
    await new Promise((resolve) => setTimeout(resolve, 100)); // asleep, nothing queued
    const userId = await db.recipient();
    const hook = await db.webhook(userId, receiver.url());
    const id = await db.notification(userId);
    await db.delivery(id, 'WEBHOOK', hook.id, new Date());
    const poked = Date.now();
    sender.poke();
    for (let i = 0; i < 100 && receiver.received.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([id]);
    expect(Date.now() - poked).toBeLessThan(5_000);
  });

  it('as a worker of the projector process, wakes on the notice of deliveries queued by another connection', async () => {
    const closing: (() => Promise<void> | void)[] = [];
    const config = notificationsProjectorConfigSchema.parse({ MINDFLOW_MODE: 'distributed', NOTIFICATIONS_DATABASE_URL: db.url, SMTP_URL: smtp.url });
    const sender = await deliveryWorker({ config, pool: db.pool, log, metrics, now: () => new Date(), onClose: (close) => closing.push(close) });
    sender.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // listening, asleep: nothing due
      const userId = await db.recipient();
      const hook = await db.webhook(userId, receiver.url());
      const id = await db.notification(userId);
      const queued = Date.now();
      await db.delivery(id, 'WEBHOOK', hook.id, new Date());
      for (let i = 0; i < 100 && (await attemptsOf(hook.id)).length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      const attempts = await attemptsOf(hook.id);
      // distributed: loopback is refused unless allowed, so the attempt is recorded without reaching the receiver
      expect(attempts.map((a) => [a.attempt, a.ok, a.error])).toEqual([[1, false, 'the address is not allowed']]);
      expect(receiver.received).toEqual([]);
      expect(attempts[0]!.at.getTime() - queued).toBeLessThan(2_000); // its idle poll is 10 s: the notice woke it
    } finally {
      await sender.stop();
      for (const close of closing.reverse()) await close();
    }
  });
});
