import { createTransport } from 'nodemailer';
import type { MailSender } from '../../application/ports/mail-sender.js';
import { mailContent } from './mail-content.js';
import { unsubscribeUrl } from './unsubscribe-link.js';

export interface SmtpMailSenderOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://host:465`. */
  readonly smtpUrl: string;
  /** The From header, e.g. `MindFlow <notifications@example.com>`. */
  readonly from: string;
  /** Where `unsubscribeHandler` is served (the link's base). */
  readonly unsubscribeBaseUrl: string;
  /** Signs the unsubscribe links (the handler verifies with the same secret). */
  readonly unsubscribeSecret: string;
  /** Time limit of connecting and of each SMTP step. Default 15 s. */
  readonly timeoutMs?: number;
  /** SMTP connections kept open at once. Default 4. */
  readonly maxConnections?: number;
}

/** The pool's defaults: SMTP connections open at once, and the time limit of connecting and of each SMTP step. */
export const smtpPoolConnections = 4;
export const smtpPhaseTimeoutMs = 15_000;

/**
 * The longest one send can take once it has a connection, every phase using its whole time limit: connecting, the
 * greeting, then each command's answer (EHLO, STARTTLS, the TLS handshake, EHLO again, AUTH in up to 3 steps,
 * MAIL FROM, RCPT TO, DATA, the message's end): 13 phases.
 */
export function smtpSendWorstCaseMs(timeoutMs = smtpPhaseTimeoutMs): number {
  return 13 * timeoutMs;
}

/**
 * Email over SMTP with nodemailer: HTML and text bodies, and the one-click unsubscribe of RFC 8058
 * (`List-Unsubscribe: <https://…>` plus `List-Unsubscribe-Post: List-Unsubscribe=One-Click`; the mail server
 * that relays it should DKIM-sign both, as the RFC asks). A failure rejects with an error naming the SMTP
 * code only: its server's text may quote the address, which stays out of logs and events.
 */
export function smtpMailSender(options: SmtpMailSenderOptions): MailSender {
  const timeoutMs = options.timeoutMs ?? smtpPhaseTimeoutMs;
  // pooled: a burst of reminders reuses a few connections instead of one handshake per mail
  const transport = createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? smtpPoolConnections,
    url: options.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(mail) {
      const link = unsubscribeUrl(options.unsubscribeBaseUrl, options.unsubscribeSecret, mail.userId);
      const content = mailContent(mail, link);
      try {
        await transport.sendMail({
          from: options.from,
          to: mail.displayName ? { name: mail.displayName, address: mail.to } : mail.to,
          subject: content.subject,
          text: content.text,
          html: content.html,
          headers: {
            'List-Unsubscribe': `<${link}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            'X-MindFlow-Notification': mail.notificationId,
          },
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
