import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookRequest } from '../../application/ports/webhook-sender.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/webhook-receiver.js';
import { dnsAddressGuard } from './dns-address-guard.js';
import { httpWebhookSender } from './http-webhook-sender.js';

const loopback = { ok: true, address: '127.0.0.1', family: 4, all: [{ address: '127.0.0.1', family: 4 }] } as const;
const secret = `whsec_${randomBytes(32).toString('base64')}`;

function request(url: string, overrides: Partial<WebhookRequest> = {}): WebhookRequest {
  const notificationId = randomUUID();
  return {
    url: new URL(url),
    secret,
    messageId: notificationId,
    sentAt: new Date(),
    message: { type: 'TASK_DUE', timestamp: '2030-01-02T03:04:05.000Z', data: { notificationId, title: 'Call Mum <3', body: 'Due "now" & then', subjectId: randomUUID() } },
    ...overrides,
  };
}

describe('httpWebhookSender against a real HTTP receiver', () => {
  let receiver: WebhookReceiver;
  const sender = httpWebhookSender({ timeoutMs: 500 });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => receiver.answerWith(204));

  it('POSTs the JSON message with a Standard Webhooks signature that the standardwebhooks package verifies', async () => {
    const sent = request(receiver.url('/in'));
    expect(await sender.send(sent, loopback)).toEqual({ status: 204, ok: true, error: null });
    const got = receiver.received.at(-1)!;
    expect(got.path).toBe('/in');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['webhook-id']).toBe(sent.messageId);
    expect(got.headers['webhook-timestamp']).toBe(String(Math.floor(sent.sentAt.getTime() / 1000)));
    const verified = new Webhook(secret).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    });
    expect(verified).toEqual(sent.message);
  });

  it('fails verification under another secret, or with a changed body (the package is really checking)', async () => {
    await sender.send(request(receiver.url()), loopback);
    const got = receiver.received.at(-1)!;
    const headers = { 'webhook-id': String(got.headers['webhook-id']), 'webhook-timestamp': String(got.headers['webhook-timestamp']), 'webhook-signature': String(got.headers['webhook-signature']) };
    expect(() => new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(got.body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(got.body.replace('Mum', 'Dad'), headers)).toThrow();
  });

  it('connects to the checked address, never resolving the URL host again (the name here resolves nowhere)', async () => {
    const sent = request(`http://hooks.invalid:${receiver.port}/pinned`);
    expect(await sender.send(sent, loopback)).toMatchObject({ ok: true, status: 204 });
    const got = receiver.received.at(-1)!;
    expect(got.path).toBe('/pinned');
    expect(got.headers.host).toBe(`hooks.invalid:${receiver.port}`);
  });

  it('tries each checked address in turn: a name whose first address (::1) has no listener reaches the one on 127.0.0.1', async () => {
    const both = { ok: true, address: '::1', family: 6, all: [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }] } as const;
    expect(await sender.send(request(`http://hooks.invalid:${receiver.port}/both`), both)).toMatchObject({ ok: true, status: 204 });
    // and localhost as the system resolves it, through the guard (local targets allowed)
    const checked = await dnsAddressGuard({ allowLocal: true }).check(new URL(`http://localhost:${receiver.port}/local`));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(await sender.send(request(`http://localhost:${receiver.port}/local`), checked)).toMatchObject({ ok: true, status: 204 });
    expect(receiver.received.slice(-2).map((r) => r.path)).toEqual(['/both', '/local']);
  });

  it('does not follow a redirect: a 3xx is a failed attempt', async () => {
    receiver.answerWith(307, { location: receiver.url('/elsewhere') });
    const before = receiver.received.length;
    expect(await sender.send(request(receiver.url('/moved')), loopback)).toEqual({ status: 307, ok: false, error: 'HTTP 307 (redirects are not followed)' });
    expect(receiver.received.slice(before).map((r) => r.path)).toEqual(['/moved']);
  });

  it('reports a non-2xx answer, a receiver that does not answer in time, and a refused connection', async () => {
    receiver.answerWith(500);
    expect(await sender.send(request(receiver.url()), loopback)).toEqual({ status: 500, ok: false, error: 'HTTP 500' });
    receiver.answerWith('hang');
    const started = Date.now();
    expect(await sender.send(request(receiver.url()), loopback)).toEqual({ status: null, ok: false, error: 'no answer within 500 ms' });
    expect(Date.now() - started).toBeLessThan(3_000);
    const closed = await startWebhookReceiver();
    await closed.close();
    expect(await sender.send(request(closed.url()), loopback)).toEqual({ status: null, ok: false, error: 'ECONNREFUSED' });
  });
});
