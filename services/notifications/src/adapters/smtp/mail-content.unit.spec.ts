import { describe, expect, it } from 'vitest';
import { escapeHtml, mailContent } from './mail-content.js';
import { unsubscribeUrl, verifiedUnsubscribeUser } from './unsubscribe-link.js';

const userId = '6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f';

describe('mailContent', () => {
  const mail = { to: 'a@example.com', displayName: 'Bob "B"', userId, notificationId: userId, kind: 'JOURNAL_PROMPT' as const, title: 'Line one\r\nBcc: x@evil.test', body: 'First <i>para</i>\nsecond line\n\nNext & last' };
  const content = mailContent(mail, 'https://m.example/unsubscribe?user=u&sig=s');

  it('keeps the subject on one line (no header injection through a title)', () => {
    expect(content.subject).toBe('MindFlow: Line one Bcc: x@evil.test');
  });

  it('escapes user text in the HTML body, paragraphs and line breaks kept', () => {
    expect(content.html).toContain('<p>First &lt;i&gt;para&lt;/i&gt;<br>second line</p>\n<p>Next &amp; last</p>');
    expect(content.html).toContain('<p>Hi Bob &quot;B&quot;,</p>');
    expect(content.html).toContain('<a href="https://m.example/unsubscribe?user=u&amp;sig=s">');
  });

  it('says the same in the text body, with the unsubscribe link', () => {
    expect(content.text).toContain('First <i>para</i>\nsecond line\n\nNext & last');
    expect(content.text).toContain('Stop these emails: https://m.example/unsubscribe?user=u&sig=s');
  });

  it('escapes every markup character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('the unsubscribe link', () => {
  it('verifies under its secret for its user only', () => {
    const link = new URL(unsubscribeUrl('https://m.example/unsubscribe', 'secret-one', userId));
    expect(verifiedUnsubscribeUser('secret-one', link.searchParams)).toBe(userId);
    expect(verifiedUnsubscribeUser('secret-two', link.searchParams)).toBeUndefined();
    link.searchParams.set('user', '00000000-0000-4000-8000-000000000000');
    expect(verifiedUnsubscribeUser('secret-one', link.searchParams)).toBeUndefined();
  });

  it('refuses a missing or malformed signature', () => {
    expect(verifiedUnsubscribeUser('s', new URLSearchParams({ user: userId }))).toBeUndefined();
    expect(verifiedUnsubscribeUser('s', new URLSearchParams({ user: userId, sig: 'abc' }))).toBeUndefined();
    expect(verifiedUnsubscribeUser('s', new URLSearchParams({ user: 'not-a-uuid', sig: 'abc' }))).toBeUndefined();
  });
});
