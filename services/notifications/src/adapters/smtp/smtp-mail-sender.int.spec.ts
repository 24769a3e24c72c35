import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationMail } from '../../application/ports/mail-sender.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../test/smtp-catcher.js';
import { smtpMailSender } from './smtp-mail-sender.js';
import { verifiedUnsubscribeUser } from './unsubscribe-link.js';

const secret = 'a-test-unsubscribe-secret';
const base = 'https://mindflow.example/unsubscribe';

function mail(overrides: Partial<NotificationMail> = {}): NotificationMail {
  return {
    to: 'ada@example.com',
    displayName: 'Ada <Lovelace>',
    userId: randomUUID(),
    notificationId: randomUUID(),
    kind: 'TASK_DUE',
    title: 'Buy <b>milk</b> & "eggs"',
    body: 'Before 18:00.\n\n<script>alert(1)</script>',
    ...overrides,
  };
}

describe('smtpMailSender against a real SMTP server (smtp-server, read back with mailparser)', () => {
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtpCatcher({ refuse: (to) => to.startsWith('gone@') });
  });
  afterAll(() => smtp.close());

  const sender = () => smtpMailSender({ smtpUrl: smtp.url, from: 'MindFlow <notifications@mindflow.test>', unsubscribeBaseUrl: base, unsubscribeSecret: secret });

  it('sends HTML and text bodies with the one-click unsubscribe headers of RFC 8058', async () => {
    const sent = mail();
    const mailer = sender();
    await mailer.send(sent);
    mailer.close();
    const [got] = await smtp.waitFor(1);
    expect(got!.to).toEqual(['ada@example.com']);
    expect(got!.from).toBe('notifications@mindflow.test');
    const parsed = got!.parsed;
    expect(parsed.subject).toBe('MindFlow: Buy <b>milk</b> & "eggs"');
    expect(parsed.headers.get('x-mindflow-notification')).toBe(sent.notificationId);
    // as sent (mailparser turns List-* headers into objects): the header block, folded lines joined
    const headerBlock = got!.raw.toString('utf8').split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
    const listUnsubscribe = /^List-Unsubscribe: (.+)$/im.exec(headerBlock)?.[1] ?? '';
    expect(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im.test(headerBlock)).toBe(true);
    const link = /^<(https:\/\/mindflow\.example\/unsubscribe\?[^>]+)>$/.exec(listUnsubscribe)?.[1];
    expect(link).toBeDefined();
    expect(verifiedUnsubscribeUser(secret, new URL(link!).searchParams)).toBe(sent.userId);
    // the text body says it all as written; the HTML body escapes every piece of user text
    expect(parsed.text).toContain('Buy <b>milk</b> & "eggs"');
    expect(parsed.text).toContain('<script>alert(1)</script>');
    expect(parsed.text).toContain(link);
    const html = String(parsed.html);
    expect(html).toContain('Buy &lt;b&gt;milk&lt;/b&gt; &amp; &quot;eggs&quot;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Hi Ada &lt;Lovelace&gt;,');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>milk');
    expect(html).toContain(`href="${link!.replace(/&/g, '&amp;')}"`);
  });

  it('rejects when the server refuses the recipient, naming the SMTP code and not the address', async () => {
    const mailer = sender();
    const failure = await mailer.send(mail({ to: 'gone@example.com' })).then(() => undefined, (error: unknown) => error);
    mailer.close();
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('smtp EENVELOPE 550');
  });

  it('rejects when no SMTP server listens', async () => {
    const closed = await startSmtpCatcher();
    await closed.close();
    const mailer = smtpMailSender({ smtpUrl: closed.url, from: 'x@mindflow.test', unsubscribeBaseUrl: base, unsubscribeSecret: secret, timeoutMs: 2_000 });
    await expect(mailer.send(mail())).rejects.toThrow(/^smtp (ECONNECTION|ESOCKET)/);
    mailer.close();
  });
});
