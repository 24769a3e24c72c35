import { randomUUID } from 'node:crypto';
import type { Pool } from '@mindflow/db';
import type { KeyStore } from '@mindflow/events';
import type { BackoffPolicy, Logger, Mode } from '@mindflow/platform';
import type { Registry } from 'prom-client';
import { pgDeliveryStore } from '../adapters/pg/pg-delivery-store.js';
import { smtpMailSender, smtpPoolConnections, smtpSendWorstCaseMs } from '../adapters/smtp/smtp-mail-sender.js';
import { dnsAddressGuard, lookupTimeoutMs, type Resolver } from '../adapters/webhook/dns-address-guard.js';
import { httpWebhookSender } from '../adapters/webhook/http-webhook-sender.js';
import { createDeliveryWorker, type DeliveryWorker } from '../application/delivery-worker.js';
import type { DeliveryWakeups } from '../application/ports/delivery-wakeups.js';
import type { MailSender } from '../application/ports/mail-sender.js';
import type { DeliveryConfig } from './delivery-config.js';

export interface DeliveryWorkerDependencies {
  /** The notifications DB. */
  readonly pool: Pool;
  /** Seals the events the worker appends (issue 16); the projection's key store. */
  readonly keys?: KeyStore | undefined;
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
 * How many deliveries the worker claims at once and for how long. A batch is sent all at once, so it is at most
 * the SMTP pool's connections: no email of a batch waits in the pool's queue behind another one while its lease
 * runs. The lease then outlives the slowest single attempt, every phase at its time limit (an email's 13 SMTP
 * phases, or a webhook's lookup and request), with a margin for recording the outcome; another replica cannot
 * claim, and send again, a delivery still being sent.
 */
export function deliveryLimits(config: Pick<DeliveryConfig, 'NOTIFICATIONS_WEBHOOK_TIMEOUT_MS'>, smtp = { connections: smtpPoolConnections, worstCaseMs: smtpSendWorstCaseMs() }): { batchSize: number; leaseMs: number } {
  const slowestAttemptMs = Math.max(smtp.worstCaseMs, lookupTimeoutMs + config.NOTIFICATIONS_WEBHOOK_TIMEOUT_MS);
  return { batchSize: smtp.connections, leaseMs: Math.max(120_000, slowestAttemptMs + 30_000) };
}

/**
 * The delivery worker wired to its adapters from the configuration: the composition root the notifications
 * projector's `setUp` calls (start it after the projector, stop it before; `poke()` it after the scheduler
 * queued deliveries).
 */
export function setUpDeliveryWorker(config: DeliveryConfig, dependencies: DeliveryWorkerDependencies): DeliveryWorker {
  const allowLocal = config.MINDFLOW_WEBHOOK_ALLOW_LOOPBACK ?? dependencies.mode === 'embedded';
  return createDeliveryWorker({
    store: pgDeliveryStore(dependencies.pool, dependencies.keys),
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
    // a batch no larger than the SMTP pool, a lease longer than its slowest attempt: never sent twice at once
    ...deliveryLimits(config),
    ...(dependencies.retry ? { retry: dependencies.retry } : {}),
    ...(dependencies.idlePollMs !== undefined ? { idlePollMs: dependencies.idlePollMs } : {}),
    ...(dependencies.wakeups ? { wakeups: dependencies.wakeups } : {}),
    ...(dependencies.metrics ? { metrics: dependencies.metrics } : {}),
  });
}
