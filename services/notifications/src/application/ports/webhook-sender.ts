import type { CheckedAddress } from './address-guard.js';

/** The Standard Webhooks message body (../shared/API.md, "Webhooks"). */
export interface WebhookMessage {
  readonly type: string;
  /** When the notification was made (ISO-8601). */
  readonly timestamp: string;
  readonly data: {
    readonly notificationId: string;
    readonly title: string;
    readonly body: string;
    readonly subjectId: string | null;
  };
}

export interface WebhookRequest {
  readonly url: URL;
  /** `whsec_<base64>`: the signing key. */
  readonly secret: string;
  /** `webhook-id`: the same on every retry, so a receiver can drop a repeat (the notification id). */
  readonly messageId: string;
  /** `webhook-timestamp`: this attempt's time. */
  readonly sentAt: Date;
  readonly message: WebhookMessage;
}

/** What one attempt got: the HTTP status when the receiver answered, `ok` for a 2xx. */
export interface WebhookAttempt {
  readonly status: number | null;
  readonly ok: boolean;
  readonly error: string | null;
}

/** POSTs a signed message to `address` (checked by the AddressGuard), never to another address the host names. */
export interface WebhookSender {
  send(request: WebhookRequest, address: CheckedAddress): Promise<WebhookAttempt>;
}
