import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedAddress } from '../../application/ports/address-guard.js';
import type { WebhookAttempt, WebhookSender } from '../../application/ports/webhook-sender.js';
import { signWebhook } from './webhook-signature.js';

export interface HttpWebhookSenderOptions {
  /** Time limit of one attempt, connect to last byte. Default 10 s. */
  readonly timeoutMs?: number;
  readonly userAgent?: string;
}

/**
 * A `lookup` that answers the checked addresses whatever it is asked: the connection cannot be rebound. Asked for
 * all (Node's happy eyeballs), it gives every checked one, so `localhost` reaches a receiver on 127.0.0.1 or ::1.
 */
function pinnedLookup(address: CheckedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, address.all.length > 0 ? [...address.all] : [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
}

/**
 * Standard Webhooks over HTTP(S): POSTs the JSON message with `webhook-id`, `webhook-timestamp` and
 * `webhook-signature`, connecting to the address the AddressGuard checked (TLS still verifies the URL's host
 * name). A 2xx is delivered; anything else is a failure, redirects included (never followed: a redirect could
 * point anywhere, the guard's check is for this URL). The answer's body is read and dropped.
 */
export function httpWebhookSender(options: HttpWebhookSenderOptions = {}): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const userAgent = options.userAgent ?? 'MindFlow-Webhooks/1';
  return {
    send(webhook, address): Promise<WebhookAttempt> {
      const body = JSON.stringify(webhook.message);
      const timestamp = Math.floor(webhook.sentAt.getTime() / 1000);
      const request = webhook.url.protocol === 'https:' ? httpsRequest : httpRequest;
      const requestOptions: RequestOptions = {
        method: 'POST',
        lookup: pinnedLookup(address),
        signal: AbortSignal.timeout(timeoutMs),
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': userAgent,
          'webhook-id': webhook.messageId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(webhook.secret, webhook.messageId, timestamp, body),
        },
      };
      return new Promise<WebhookAttempt>((resolve) => {
        const answer = (attempt: WebhookAttempt) => resolve(attempt);
        const req = request(webhook.url, requestOptions, (res: IncomingMessage) => {
          const status = res.statusCode ?? null;
          res.on('data', () => undefined);
          res.on('error', () => answer({ status, ok: false, error: 'answer cut off' }));
          res.on('end', () => {
            const ok = status !== null && status >= 200 && status < 300;
            const redirect = status !== null && status >= 300 && status < 400;
            answer({ status, ok, error: ok ? null : redirect ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status ?? '?'}` });
          });
        });
        req.on('error', (error: Error & { code?: string }) => {
          const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
          answer({ status: null, ok: false, error: timedOut ? `no answer within ${timeoutMs} ms` : (error.code ?? error.message) });
        });
        req.end(body);
      });
    },
  };
}
