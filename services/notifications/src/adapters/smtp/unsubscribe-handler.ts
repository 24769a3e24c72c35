import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from '@mindflow/db';
import { verifiedUnsubscribeUser } from './unsubscribe-link.js';

/** Where the notifications subgraph's server mounts the handler (the default of the link's base URL ends so). */
export const unsubscribePath = '/unsubscribe';

export interface UnsubscribeHandlerOptions {
  /** The notifications DB (`notification_preferences`). */
  readonly pool: Pool;
  /** The secret the SMTP adapter signs its links with. */
  readonly secret: string;
  readonly now?: () => Date;
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'" });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family: system-ui, sans-serif"><h1>${title}</h1>${body}</body></html>`);
}

/**
 * The one-click unsubscribe endpoint (RFC 8058) for the links the SMTP adapter signs, as a Node request handler
 * for `unsubscribePath`. `POST` (the mail client's one click, body `List-Unsubscribe=One-Click`, or the page's
 * button) sets `notification_preferences.email_unsubscribed`; `GET` (a person following the link) only shows a
 * page with that button, since mail scanners open links on their own. A link with a wrong signature changes nothing.
 */
export function unsubscribeHandler(options: UnsubscribeHandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const now = options.now ?? (() => new Date());
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const userId = verifiedUnsubscribeUser(options.secret, url.searchParams);
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST' }).end();
      return;
    }
    if (userId === undefined) {
      page(res, 400, 'Link not valid', '<p>This unsubscribe link is not valid. Change your email settings in MindFlow instead.</p>');
      return;
    }
    if (req.method === 'GET') {
      page(res, 200, 'Unsubscribe from MindFlow emails', `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`);
      return;
    }
    req.resume(); // the body (List-Unsubscribe=One-Click) says nothing the signed link does not
    await options.pool.query(
      `INSERT INTO notification_preferences (user_id, email_unsubscribed, updated_at) VALUES ($1, true, $2)
       ON CONFLICT (user_id) DO UPDATE SET email_unsubscribed = true, updated_at = EXCLUDED.updated_at`,
      [userId, now()],
    );
    page(res, 200, 'Unsubscribed', '<p>MindFlow will send you no more emails. Notifications still reach you in the app.</p>');
  };
}
