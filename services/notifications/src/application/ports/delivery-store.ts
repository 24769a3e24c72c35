import type { AnyEvent, DeliveryChannel, NotificationKind } from '@mindflow/events';

/** Which delivery: a notification on one channel to one target (`email`, or the webhook's id). */
export interface DeliveryKey {
  readonly notificationId: string;
  readonly channel: DeliveryChannel;
  readonly target: string;
}

/** A webhook as its delivery found it. */
export interface DeliveryWebhook {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  readonly disabled: boolean;
  readonly deleted: boolean;
}

/** A claimed delivery with what sending it needs. */
export interface DueDelivery extends DeliveryKey {
  /** Attempts made before this one. */
  readonly attempts: number;
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly subjectId: string | null;
  readonly createdAt: Date;
  /** The recipient's address (EMAIL); null when the user is not known (yet). */
  readonly email: string | null;
  readonly displayName: string | null;
  readonly emailUnsubscribed: boolean;
  /** The webhook (WEBHOOK); null when it no longer exists. */
  readonly webhook: DeliveryWebhook | null;
}

/** One row of `webhook_deliveries` (Webhook.deliveries). */
export interface WebhookAttemptRow {
  readonly id: string;
  readonly webhookId: string;
  readonly notificationId: string;
  readonly attempt: number;
  readonly at: Date;
  readonly status: number | null;
  readonly ok: boolean;
  readonly error: string | null;
}

/** A notification the worker itself makes (a webhook was disabled), stored with its NotificationCreated. */
export interface NewNotificationRow {
  readonly id: string;
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly dedupeKey: string;
  readonly createdAt: Date;
}

/** What recording one outcome writes, in one transaction of the notifications DB. */
export interface DeliveryTransaction {
  /** Locks the delivery until commit: its attempts so far while it is still pending, else undefined. */
  lockPending(key: DeliveryKey): Promise<number | undefined>;
  markSent(key: DeliveryKey, attempts: number): Promise<void>;
  /** Gives the delivery up (`attempts` may be 0: it ended without being tried, e.g. the user unsubscribed). */
  markFailed(key: DeliveryKey, attempts: number, error: string): Promise<void>;
  retryAt(key: DeliveryKey, attempts: number, at: Date, error: string): Promise<void>;
  recordWebhookAttempt(row: WebhookAttemptRow): Promise<void>;
  /** A delivered attempt: the webhook's run of failures starts again. */
  webhookSucceeded(webhookId: string): Promise<void>;
  /** One more failure in a row: the webhook's count of consecutive failures after it. */
  webhookFailed(webhookId: string): Promise<number>;
  /** Disables the webhook unless it already is: true when this call disabled it. */
  disableWebhook(webhookId: string, at: Date): Promise<boolean>;
  /** Bumps the notification aggregate's version under its row lock: the version the next event takes. */
  nextNotificationVersion(notificationId: string): Promise<number>;
  /** Stores a notification (false when its dedupe key exists already). */
  insertNotification(row: NewNotificationRow): Promise<boolean>;
  /** The notifications outbox: the events commit with the rows. */
  appendEvents(events: readonly AnyEvent[]): Promise<void>;
}

/** The notifications DB as the delivery worker sees it. */
export interface DeliveryStore {
  /**
   * Takes up to `limit` due pending deliveries nobody holds (FOR UPDATE SKIP LOCKED), each leased by moving its
   * `next_attempt_at` `leaseMs` ahead: a worker that dies mid-send leaves it to be claimed again after the lease.
   */
  claimDue(limit: number, leaseMs: number, now: Date): Promise<DueDelivery[]>;
  transaction<R>(work: (tx: DeliveryTransaction) => Promise<R>): Promise<R>;
  /** When the next pending delivery falls due, if any. */
  nextDueAt(): Promise<Date | undefined>;
}
