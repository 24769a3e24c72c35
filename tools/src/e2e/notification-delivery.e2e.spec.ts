// Notification delivery end to end (issue 14): a registered user with a webhook and a task reminder gets, once it
// fires, the webhook (a real local receiver; the signature verified with the standardwebhooks package), listed in
// Webhook.deliveries, and the email (a real SMTP server: the notifications service's catcher, read with mailparser),
// in both ways to run. The address comes from UserRegistered, in identity's own outbox: distributed, identity-relay
// publishes it to Kafka; embedded, identity-relay appends it to the write DB's outbox, the embedded event log
// (RELAY_TARGET=outbox). Local webhook targets are allowed here (MINDFLOW_WEBHOOK_ALLOW_LOOPBACK), as embedded mode
// and development do.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSmtpCatcher, startWebhookReceiver, type SmtpCatcher, type WebhookReceiver } from '@mindflow/notifications-service/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../system/index.js';
import { GatewayClient } from './gateway-client.js';
import { startE2eSystem, type E2eSystem } from './test/e2e-system.js';

const modes: Mode[] = ['embedded', 'distributed'];

const register = 'mutation ($email: String!, $password: String!, $name: String) { register(email: $email, password: $password, name: $name) { accessToken } }';
const createWebhook = 'mutation ($url: String!, $kinds: [NotificationKind!]!) { createWebhook(url: $url, kinds: $kinds) { secret webhook { id } } }';
const createTask = 'mutation ($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }';
const deliveries = '{ webhooks { id disabledAt deliveries { notificationId attempt status ok error } } }';

interface Delivery { notificationId: string; attempt: number; status: number | null; ok: boolean; error: string | null }

/** Polls `read` until it answers something, at most `ms` (bounded: 100 ms steps). */
async function eventually<T>(read: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T | undefined> {
  for (let waited = 0; waited <= ms; waited += 100) {
    const value = await read();
    if (value !== undefined) return value;
    await sleep(100);
  }
  return undefined;
}

describe.each(modes)('notification delivery through the whole system (%s mode)', (mode) => {
  let smtp: SmtpCatcher;
  let receiver: WebhookReceiver;
  let e2e: E2eSystem;

  beforeAll(async () => {
    [smtp, receiver] = await Promise.all([startSmtpCatcher(), startWebhookReceiver()]);
    e2e = await startE2eSystem(mode, 'e2e-delivery', { extraEnv: { SMTP_URL: smtp.url, MINDFLOW_WEBHOOK_ALLOW_LOOPBACK: 'true' } });
  });
  afterAll(async () => {
    await e2e?.stop();
    await Promise.all([smtp?.close(), receiver?.close()]);
  });

  it('sends a fired reminder by signed webhook and by email, and lists the attempt in Webhook.deliveries', async () => {
    const email = `delivery-${randomUUID().slice(0, 8)}@example.com`;
    const anonymous = new GatewayClient(e2e.system.gatewayUrl);
    const { register: session } = await anonymous.data<{ register: { accessToken: string } }>(register, { email, password: 'a long enough passphrase', name: 'Dora' });
    const dora = anonymous.withToken(session.accessToken);
    const path = `/hooks/${randomUUID()}`;
    const { createWebhook: hook } = await dora.data<{ createWebhook: { secret: string; webhook: { id: string } } }>(createWebhook, { url: receiver.url(path), kinds: ['TASK_DUE'] });
    const remindAt = new Date(Date.now() + 4_000).toISOString();
    await dora.data(createTask, { input: { title: 'Water the <plants>', date: remindAt.slice(0, 10), remindAt } });

    const request = await eventually(() => receiver.received.find((r) => r.path === path), 30_000);
    expect(request).toBeDefined();
    const message = new Webhook(hook.secret).verify(request!.body, {
      'webhook-id': String(request!.headers['webhook-id']),
      'webhook-timestamp': String(request!.headers['webhook-timestamp']),
      'webhook-signature': String(request!.headers['webhook-signature']),
    }) as { type: string; data: { notificationId: string; title: string } };
    expect(message).toMatchObject({ type: 'TASK_DUE', data: { notificationId: request!.headers['webhook-id'], title: expect.stringContaining('Water the <plants>') } });

    const mail = await eventually(() => smtp.messages.find((m) => m.to.includes(email)), 30_000);
    expect(mail).toBeDefined();
    expect(mail!.parsed.subject).toContain('Water the <plants>');
    expect(String(mail!.parsed.html)).toContain('Water the &lt;plants&gt;');
    expect(mail!.raw.toString('utf8')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    // the mail's unsubscribe link answers (the launcher told the senders where /unsubscribe is served): GET shows
    // the confirmation page, POST (the one click) unsubscribes
    const unfolded = mail!.raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
    const unsubscribe = /^List-Unsubscribe: <([^>]+)>/m.exec(unfolded)?.[1];
    expect(unsubscribe).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?user=/);
    const confirm = await fetch(unsubscribe!);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('<form method="post">');
    const clicked = await fetch(unsubscribe!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain('Unsubscribed');

    const listed = await eventually(async () => {
      const { webhooks } = await dora.data<{ webhooks: { id: string; deliveries: Delivery[] }[] }>(deliveries);
      const found = webhooks.find((w) => w.id === hook.webhook.id)?.deliveries ?? [];
      return found.length > 0 ? found : undefined;
    }, 10_000);
    expect(listed).toEqual([{ notificationId: message.data.notificationId, attempt: 1, status: 204, ok: true, error: null }]);
    // sent once: nothing more arrives for it
    await sleep(1_000);
    expect(receiver.received.filter((r) => r.path === path)).toHaveLength(1);
  });
});
