import type { NotificationKind } from '@mindflow/events';

/** One notification as an email to its user: the adapter renders the bodies and signs the unsubscribe link. */
export interface NotificationMail {
  readonly to: string;
  readonly displayName: string | null;
  /** Whose unsubscribe link the mail carries. */
  readonly userId: string;
  readonly notificationId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
}

/** Sends email (SMTP in production). Rejects when the server did not take the message (the worker retries). */
export interface MailSender {
  send(mail: NotificationMail): Promise<void>;
  close(): void;
}
