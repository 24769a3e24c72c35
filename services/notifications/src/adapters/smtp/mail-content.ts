import type { NotificationMail } from '../../application/ports/mail-sender.js';

/** What a notification's email says: a subject and the same text as plain text and as HTML. */
export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** User text (titles, bodies, names) as HTML text: every markup character escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/** Header-safe: one line (a title with a line break must not start a new header). */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

export function mailContent(mail: NotificationMail, unsubscribeUrl: string): MailContent {
  const greeting = mail.displayName ? `Hi ${oneLine(mail.displayName)},` : 'Hi,';
  const text = [greeting, '', mail.title, '', mail.body, '', '—', 'MindFlow', `Stop these emails: ${unsubscribeUrl}`, ''].join('\n');
  const paragraphs = mail.body
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(oneLine(mail.title))}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2328;">
<p>${escapeHtml(greeting)}</p>
<h1 style="font-size: 1.25rem;">${escapeHtml(mail.title)}</h1>
${paragraphs}
<hr>
<p style="font-size: 0.85rem; color: #59636e;">MindFlow · <a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe from these emails</a></p>
</body></html>
`;
  return { subject: `MindFlow: ${oneLine(mail.title)}`, text, html };
}
