/** A real SMTP server for tests: what the email tests send to (notifications, identity's reset links), and what the
 *  embedded mode's mail catcher (tools/src/mail-catcher) is built on. */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message as it arrived: the envelope, the raw bytes and what mailparser read from them. */
export interface CaughtMail {
  readonly from: string | null;
  readonly to: readonly string[];
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
  readonly receivedAt: Date;
}

export interface SmtpCatcherOptions {
  /** 0 (default): the OS picks one. */
  readonly port?: number;
  readonly host?: string;
  /** Refuse these recipients with 550 (tests of a rejected mail). */
  readonly refuse?: (recipient: string) => boolean;
  /** Called with every message that arrived (the mail catcher writes it to disk). */
  readonly onMail?: (mail: CaughtMail) => void | Promise<void>;
  /** Keep at most this many messages in memory (the oldest go). Default 1000. */
  readonly keep?: number;
}

export interface SmtpCatcher {
  /** `smtp://host:port`, for SMTP_URL. */
  readonly url: string;
  readonly port: number;
  readonly messages: readonly CaughtMail[];
  /** Resolves once `count` messages arrived in all (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<readonly CaughtMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server that accepts every message (no TLS, no auth needed) and keeps it, parsed: what the email
 * tests send to, and the embedded mode's mail catcher (tools/src/mail-catcher) is built on.
 */
export async function startSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const host = options.host ?? '127.0.0.1';
  const keep = options.keep ?? 1_000;
  const messages: CaughtMail[] = [];
  let received = 0;
  const waiters = new Set<() => void>();
  const address = (a: SMTPServerAddress | false) => (a ? a.address : null);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    banner: 'MindFlow mail catcher',
    onRcptTo(recipient, _session, callback) {
      if (options.refuse?.(recipient.address)) {
        callback(Object.assign(new Error(`mailbox ${recipient.address} unavailable`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then(async (parsed) => {
            const mail: CaughtMail = { from: address(session.envelope.mailFrom), to: session.envelope.rcptTo.map((r) => r.address), raw, parsed, receivedAt: new Date() };
            messages.push(mail);
            if (messages.length > keep) messages.shift();
            received += 1;
            await options.onMail?.(mail);
            for (const waiter of waiters) waiter();
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error('unreadable message')));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${host}:${port}`,
    port,
    messages,
    waitFor(count, timeoutMs = 10_000) {
      if (received >= count) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${received} of ${count} mails arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        function check() {
          if (received < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages);
        }
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
