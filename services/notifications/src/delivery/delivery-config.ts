import { z } from 'zod';

/** Where the embedded launcher's mail catcher listens. */
export const defaultSmtpUrl = 'smtp://127.0.0.1:1025';

/** The unsubscribe links' dev secret: fine on a laptop, never in production (`deliveryWarnings` says so). */
export const devUnsubscribeSecret = 'mindflow-dev-unsubscribe-secret';

/**
 * The senders' environment (docs/CONVENTIONS.md, "Configuration"). The role that runs the delivery worker
 * (the notifications projector) extends its config with it: `projectorConfigSchema.extend({ …, ...deliveryConfigSchema.shape })`;
 * the subgraph, which serves the unsubscribe endpoint, needs `NOTIFICATIONS_UNSUBSCRIBE_SECRET` from it.
 */
export const deliveryConfigSchema = z.object({
  /** The SMTP server mail goes through; unset or empty: the embedded mail catcher's (tools/src/mail-catcher). */
  SMTP_URL: z
    .string()
    .default(defaultSmtpUrl)
    .transform((url) => (url.trim() === '' ? defaultSmtpUrl : url)),
  NOTIFICATIONS_MAIL_FROM: z.string().min(1).default('MindFlow <notifications@mindflow.localhost>'),
  /**
   * Public URL of the unsubscribe endpoint: the notifications subgraph's server serves `/unsubscribe`, and the gateway
   * forwards its own `/unsubscribe` there, so a deployment sets the public origin's (compose `.env`, k8s
   * `mindflow-config`); the launcher sets the subgraph's probed port. The default is only the subgraph's usual port.
   */
  NOTIFICATIONS_UNSUBSCRIBE_URL: z.url().default('http://127.0.0.1:4005/unsubscribe'),
  /** HMAC key of the unsubscribe links (the subgraph verifies with the same). */
  NOTIFICATIONS_UNSUBSCRIBE_SECRET: z.string().min(16).default(devUnsubscribeSecret),
  /** Loopback and private webhook targets allowed; unset: true in embedded mode, false in distributed. */
  MINDFLOW_WEBHOOK_ALLOW_LOOPBACK: z.union([z.boolean(), z.stringbool()]).optional(),
  /** Time limit of one webhook attempt. */
  NOTIFICATIONS_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Consecutive failed attempts after which a webhook is disabled (and its user told). */
  NOTIFICATIONS_WEBHOOK_MAX_FAILURES: z.coerce.number().int().min(1).max(1_000).default(8),
  /** Attempts of one delivery (30 s, 1, 2, 4 … min apart, up to an hour) before it is given up. */
  NOTIFICATIONS_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
});

export type DeliveryConfig = z.infer<typeof deliveryConfigSchema>;

/** Dev defaults in use, for the role's `warnings`. */
export function deliveryWarnings(config: Pick<DeliveryConfig, 'NOTIFICATIONS_UNSUBSCRIBE_SECRET'>): string[] {
  return config.NOTIFICATIONS_UNSUBSCRIBE_SECRET === devUnsubscribeSecret ? ['NOTIFICATIONS_UNSUBSCRIBE_SECRET is the dev default: set one before deploying'] : [];
}
