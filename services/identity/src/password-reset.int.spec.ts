// The forgotten-password flow against the real identity service (real Postgres; distributed: real Redis for the
// live sessions) and a real SMTP server that keeps what it is sent: the link is read from the mail.
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Mode } from '@mindflow/platform';
import { startSmtpCatcher, type SmtpCatcher } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutes } from './test/test-clock.js';
import { operations as op, startIdentityUnderTest, SubgraphClient, type IdentityUnderTest, type SignedIn } from './test/identity-under-test.js';

const password = 'correct horse battery staple';
const newPassword = 'a brand new harbour lantern';
const request = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const reset = 'mutation ($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }';
const modes: Mode[] = ['embedded', 'distributed'];

describe.each(modes)('password reset (%s mode)', (mode) => {
  let identity: IdentityUnderTest;
  let smtp: SmtpCatcher;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    identity = await startIdentityUnderTest(mode, `reset-${mode}`, { SMTP_URL: smtp.url, MINDFLOW_APP_URL: 'https://app.example.test' });
  });
  afterAll(async () => {
    await identity?.stop();
    await smtp?.close();
  });

  const client = (clientAddress = `203.0.113.${Math.floor(Math.random() * 250) + 1}`) => new SubgraphClient(identity, { clientAddress });
  const live = async (accessToken: string) =>
    (await fetch(`${identity.service.sessionsUrl}/${String(decodeJwt(accessToken)['sid'])}`)).status === 200;
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address.toLowerCase()) || m.to.includes(address));
  const linkIn = (text: string) => /https:\/\/app\.example\.test\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text);
  async function registered(label: string) {
    const address = `${label}-${randomUUID().slice(0, 8)}@example.com`;
    const session = client();
    const { register } = await session.data<{ register: SignedIn }>(op.register, { email: address, password, name: 'Ada' });
    session.accessToken = register.accessToken;
    return { session, address, signedIn: register };
  }
  async function mailedToken(address: string, nth = 1): Promise<string> {
    await expect.poll(() => mailsTo(address).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(nth);
    const mail = mailsTo(address)[nth - 1]!;
    const token = linkIn(mail.parsed.text ?? '')?.[1];
    if (!token) throw new Error(`no reset link in: ${mail.parsed.text}`);
    return token;
  }

  it('mails a single-use link; the new password works, the old does not, and every session ended', async () => {
    const { session, address, signedIn } = await registered('forgot');
    const other = client();
    const { login } = await other.data<{ login: SignedIn }>(op.login, { email: address, password });
    const anon = client();
    expect(await anon.data(request, { email: address.toUpperCase() })).toEqual({ requestPasswordReset: true });
    const token = await mailedToken(address);
    const mail = mailsTo(address)[0]!;
    expect(mail.parsed.subject).toBe('Set a new MindFlow password');
    expect(mail.parsed.html).toContain(`href="https://app.example.test/reset-password?token=${token}"`);
    expect(mail.parsed.text).toContain('works once, for the next 30 minutes');

    // a password the policy refuses: said at the field, the link still works
    const weak = await anon.send(reset, { token, newPassword: 'short' });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(await anon.data(reset, { token, newPassword })).toEqual({ resetPassword: true });
    expect(await live(signedIn.accessToken)).toBe(false);
    expect(await live(login.accessToken)).toBe(false);
    const refreshed = await session.send(op.refresh);
    expect(refreshed.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await client().send(op.login, { email: address, password })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    await client().data(op.login, { email: address, password: newPassword });

    // single use: the same link again is refused, saying what to do
    const again = await anon.send(reset, { token, newPassword: 'yet another harbour lantern' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(again.errors?.[0]?.message).toBe('This reset link has expired or was already used. Ask for a new one.');
  });

  it('a link expires after 30 minutes, and a newer reset spends the older links', async () => {
    const { address } = await registered('expiry');
    const anon = client();
    await anon.data(request, { email: address });
    const first = await mailedToken(address, 1);
    identity.clock.advance(minutes(31));
    const late = await anon.send(reset, { token: first, newPassword });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    await anon.data(request, { email: address });
    await anon.data(request, { email: address });
    const [second, third] = [await mailedToken(address, 2), await mailedToken(address, 3)];
    await anon.data(reset, { token: third, newPassword });
    expect((await anon.send(reset, { token: second, newPassword: 'yet another harbour lantern' })).errors?.[0]?.extensions?.['field']).toBe('token');
    expect((await anon.send(reset, { token: 'not-a-token', newPassword })).errors?.[0]?.extensions?.['field']).toBe('token');
  });

  it('says the same for an address without an account, mails nobody, and limits by address and by client', async () => {
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    const before = smtp.messages.length;
    expect(await client().data(request, { email: unknown })).toEqual({ requestPasswordReset: true });
    // at most 3 mails an hour to one address, whoever asks; the 4th asking is answered the same
    const { address } = await registered('flood');
    for (let i = 0; i < 4; i++) expect(await client().data(request, { email: address })).toEqual({ requestPasswordReset: true });
    await mailedToken(address, 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(address)).toHaveLength(3);
    expect(smtp.messages.filter((m) => m.to.includes(unknown))).toHaveLength(0);
    expect(smtp.messages.length - before).toBe(3);
    // one client asking for many addresses: RATE_LIMITED after 10 an hour
    const sprayer = client('198.51.100.7');
    for (let i = 0; i < 10; i++) await sprayer.data(request, { email: `spray-${i}-${randomUUID().slice(0, 6)}@example.com` });
    const limited = await sprayer.send(request, { email: address });
    expect(limited.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    identity.clock.advance(minutes(61));
    expect(await sprayer.data(request, { email: `later-${randomUUID().slice(0, 6)}@example.com` })).toEqual({ requestPasswordReset: true });
  });
});
