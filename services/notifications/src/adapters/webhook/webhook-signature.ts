import { createHmac } from 'node:crypto';

/** The Standard Webhooks secret prefix: `whsec_<base64 key>`. */
const secretPrefix = 'whsec_';

/**
 * `webhook-signature` of Standard Webhooks: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by the
 * secret's bytes (the base64 after `whsec_`). `timestamp` is in whole seconds since the epoch.
 */
export function signWebhook(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret, 'base64');
  const mac = createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}
