import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startSmtpCatcher, type CaughtMail } from '@mindflow/notifications-service/testing';

export interface MailCatcherOptions {
  /** Where every mail is written as `<time>-<n>.eml` (created if missing). */
  readonly dir: string;
  /** SMTP port; default 1025 (the notifications service's default SMTP_URL). */
  readonly smtpPort?: number;
  /** The web page's port; default 1080. */
  readonly webPort?: number;
  readonly host?: string;
}

export interface MailCatcher {
  readonly smtpUrl: string;
  readonly webUrl: string;
  readonly dir: string;
  close(): Promise<void>;
}

interface Listed {
  readonly n: number;
  readonly file: string;
  readonly from: string | null;
  readonly to: readonly string[];
  readonly subject: string;
  readonly receivedAt: string;
  readonly mail: CaughtMail;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Embedded mode's local mail catcher: an SMTP server on 127.0.0.1 that takes every mail the app sends and
 * delivers none. Each one is written to `dir` as an .eml file (open it with any mail program) and listed on a
 * small web page (`/`, newest first; `/messages.json`; `/messages/<n>.eml` raw; `/messages/<n>.html` its HTML
 * body, scripts off), so a developer can read the reminders, the weekly reflection and the unsubscribe link.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  await mkdir(options.dir, { recursive: true });
  const listed: Listed[] = [];
  const smtp = await startSmtpCatcher({
    host,
    port: options.smtpPort ?? 1025,
    keep: 500,
    async onMail(mail) {
      const n = listed.length + 1;
      const file = `${mail.receivedAt.toISOString().replace(/[:.]/g, '-')}-${n}.eml`;
      await writeFile(join(options.dir, file), mail.raw);
      listed.push({ n, file, from: mail.from, to: mail.to, subject: mail.parsed.subject ?? '(no subject)', receivedAt: mail.receivedAt.toISOString(), mail });
      if (listed.length > 500) listed.shift();
    },
  });
  const web: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const summary = listed.map(({ mail: _mail, ...rest }) => rest).reverse();
    const one = /^\/messages\/(\d+)\.(eml|html)$/.exec(path);
    if (path === '/messages.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(summary));
    } else if (one) {
      const found = listed.find((l) => l.n === Number(one[1]));
      if (!found) res.writeHead(404).end();
      else if (one[2] === 'eml') res.writeHead(200, { 'content-type': 'message/rfc822' }).end(found.mail.raw);
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" }).end(found.mail.parsed.html || `<pre>${escapeHtml(found.mail.parsed.text ?? '')}</pre>`);
    } else if (path === '/') {
      const rows = summary
        .map((m) => `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to.join(', '))}</td><td><a href="/messages/${m.n}.html">${escapeHtml(m.subject)}</a></td><td><a href="/messages/${m.n}.eml">.eml</a></td></tr>`)
        .join('\n');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html><head><meta charset="utf-8"><title>MindFlow mail catcher</title></head><body style="font-family: system-ui, sans-serif"><h1>Mail the app sent</h1><p>${listed.length} caught; files in <code>${escapeHtml(options.dir)}</code>. Nothing is delivered.</p><table><tr><th>received</th><th>to</th><th>subject</th><th></th></tr>${rows}</table></body></html>`,
      );
    } else {
      res.writeHead(404).end();
    }
  });
  try {
    await new Promise<void>((resolve, reject) => {
      web.once('error', reject);
      web.listen(options.webPort ?? 1080, host, () => resolve());
    });
  } catch (error) {
    await smtp.close();
    throw error;
  }
  return {
    smtpUrl: smtp.url,
    webUrl: `http://${host}:${(web.address() as AddressInfo).port}/`,
    dir: options.dir,
    async close() {
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
      await smtp.close();
    },
  };
}
