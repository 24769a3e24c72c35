import { randomUUID } from 'node:crypto';
import type { Pool } from '@mindflow/db';
import type { BackoffPolicy, Logger, Mode } from '@mindflow/platform';
import type { Registry } from 'prom-client';
import { pgDeliveryStore } from '../adapters/pg/pg-delivery-store.js';
import { smtpMailSender } from '../adapters/smtp/smtp-mail-sender.js';
import { dnsAddressGuard, type Resolver } from '../adapters/webhook/dns-address-guard.js';
import { httpWebhookSender } from '../adapters/webhook/http-webhook-sender.js';
import { createDeliveryWorker, type DeliveryWorker } from '../application/delivery-worker.js';
import type { DeliveryWakeups } from '../application/ports/delivery-wakeups.js';
import type { MailSender } from '../application/ports/mail-sender.js';
import type { DeliveryConfig } from './delivery-config.js';

export interface DeliveryWorkerDependencies {
  /** The notifications DB. */
  readonly pool: Pool;
  readonly log: Logger;
  /** `embedded` allows loopback webhook targets unless MINDFLOW_WEBHOOK_ALLOW_LOOPBACK says otherwise. */
  readonly mode: Mode;
  readonly metrics?: Registry;
  readonly now?: () => Date;
  /** Tests: another resolver for the address guard, another mailer, faster retries. */
  readonly resolve?: Resolver;
  readonly mail?: MailSender;
  readonly retry?: BackoffPolicy;
  readonly idlePollMs?: number;
  /** Queued deliveries poke the worker (`pgDeliveryWakeups`). */
  readonly wakeups?: DeliveryWakeups;
}

/**
 * The delivery worker wired to its adapters from the configuration: the composition root the notifications
 * projector's `setUp` calls (start it after the projector, stop it before; `poke()` it after the scheduler
 * queued deliveries).
 */
export function setUpDeliveryWorker(config: DeliveryConfig, dependencies: DeliveryWorkerDependencies): DeliveryWorker {
  const allowLocal = config.MINDFLOW_WEBHOOK_ALLOW_LOOPBACK ?? dependencies.mode === 'embedded';
  return createDeliveryWorker({
    store: pgDeliveryStore(dependencies.pool),
    mail:
      dependencies.mail ??
      smtpMailSender({
        smtpUrl: config.SMTP_URL,
        from: config.NOTIFICATIONS_MAIL_FROM,
        unsubscribeBaseUrl: config.NOTIFICATIONS_UNSUBSCRIBE_URL,
        unsubscribeSecret: config.NOTIFICATIONS_UNSUBSCRIBE_SECRET,
      }),
    webhooks: httpWebhookSender({ timeoutMs: config.NOTIFICATIONS_WEBHOOK_TIMEOUT_MS }),
    guard: dnsAddressGuard({ allowLocal, ...(dependencies.resolve ? { resolve: dependencies.resolve } : {}) }),
    log: dependencies.log,
    now: dependencies.now ?? (() => new Date()),
    newId: randomUUID,
    maxAttempts: config.NOTIFICATIONS_DELIVERY_MAX_ATTEMPTS,
    webhookMaxFailures: config.NOTIFICATIONS_WEBHOOK_MAX_FAILURES,
    // an attempt's time limit plus the SMTP steps' is far below it: a claimed delivery is never sent twice at once
    leaseMs: Math.max(120_000, config.NOTIFICATIONS_WEBHOOK_TIMEOUT_MS * 3),
    ...(dependencies.retry ? { retry: dependencies.retry } : {}),
    ...(dependencies.idlePollMs !== undefined ? { idlePollMs: dependencies.idlePollMs } : {}),
    ...(dependencies.wakeups ? { wakeups: dependencies.wakeups } : {}),
    ...(dependencies.metrics ? { metrics: dependencies.metrics } : {}),
  });
}
