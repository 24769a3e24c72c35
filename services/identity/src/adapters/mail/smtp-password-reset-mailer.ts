import { createTransport } from 'nodemailer';
import type { PasswordResetMailer, ResetMail } from '../../application/ports/password-reset-mailer.js';

export interface SmtpResetMailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://host:465`; embedded: the mail catcher. */
  readonly smtpUrl: string;
  /** The From header, e.g. `MindFlow <accounts@example.com>`. */
  readonly from: string;
  readonly timeoutMs?: number;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The reset mail's subject, text and HTML (the link in both; the name escaped in the HTML). */
export function resetMailContent(mail: ResetMail): { subject: string; text: string; html: string } {
  const minutes = Math.max(1, Math.round((mail.expiresAt.getTime() - Date.now()) / 60_000));
  const greeting = mail.name ? `Hello ${mail.name},` : 'Hello,';
  const lines = [
    greeting,
    '',
    'Someone (we hope you) asked to set a new password for your MindFlow account. Open this link to choose one:',
    '',
    mail.link,
    '',
    `The link works once, for the next ${minutes} minutes. Setting a new password signs you out on every device.`,
    'If you did not ask for this, ignore this mail: your password stays as it is.',
  ];
  const html = `<p>${escapeHtml(greeting)}</p>
<p>Someone (we hope you) asked to set a new password for your MindFlow account.</p>
<p><a href="${escapeHtml(mail.link)}">Choose a new password</a></p>
<p>The link works once, for the next ${minutes} minutes. Setting a new password signs you out on every device.</p>
<p>If you did not ask for this, ignore this mail: your password stays as it is.</p>`;
  return { subject: 'Set a new MindFlow password', text: lines.join('\n'), html };
}

/** The reset link by SMTP (nodemailer). A failure names the SMTP code only: the server's text may quote the address. */
export function smtpPasswordResetMailer(options: SmtpResetMailerOptions): PasswordResetMailer {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const transport = createTransport({ url: options.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  return {
    async send(mail) {
      const content = resetMailContent(mail);
      try {
        await transport.sendMail({
          from: options.from,
          to: mail.name ? { name: mail.name, address: mail.to } : mail.to,
          subject: content.subject,
          text: content.text,
          html: content.html,
        });
      } catch (error) {
        const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
        throw new Error(`smtp ${typeof code === 'string' ? code : 'error'}${typeof responseCode === 'number' ? ` ${responseCode}` : ''}`, { cause: error });
      }
    },
    close() {
      transport.close();
    },
  };
}
