import { describe, expect, it } from 'vitest';
import { smtpPhaseTimeoutMs, smtpPoolConnections, smtpSendWorstCaseMs } from '../adapters/smtp/smtp-mail-sender.js';
import { lookupTimeoutMs } from '../adapters/webhook/dns-address-guard.js';
import { deliveryConfigSchema } from './delivery-config.js';
import { deliveryLimits } from './set-up-delivery-worker.js';

describe('deliveryLimits (a claimed delivery is never sent twice at once)', () => {
  it('claims no more deliveries than the SMTP pool sends at once, so none queues behind another under its lease', () => {
    const { batchSize } = deliveryLimits(deliveryConfigSchema.parse({}));
    expect(batchSize).toBe(smtpPoolConnections);
    expect(deliveryLimits(deliveryConfigSchema.parse({}), { connections: 2, worstCaseMs: 1_000 }).batchSize).toBe(2);
  });

  it('leases longer than the slowest single email (every SMTP phase at its limit) or webhook attempt', () => {
    const defaults = deliveryLimits(deliveryConfigSchema.parse({}));
    expect(smtpSendWorstCaseMs()).toBe(13 * smtpPhaseTimeoutMs);
    expect(defaults.leaseMs).toBeGreaterThan(smtpSendWorstCaseMs());
    // a batch's emails each have a connection: the last one's worst case is one send, not ceil(16 / 4) of them
    expect(defaults.leaseMs).toBeGreaterThan(Math.ceil(defaults.batchSize / smtpPoolConnections) * smtpSendWorstCaseMs());
    const slowHooks = deliveryLimits(deliveryConfigSchema.parse({ NOTIFICATIONS_WEBHOOK_TIMEOUT_MS: '60000' }), { connections: 4, worstCaseMs: 10_000 });
    expect(slowHooks.leaseMs).toBeGreaterThan(lookupTimeoutMs + 60_000);
    expect(deliveryLimits(deliveryConfigSchema.parse({}), { connections: 4, worstCaseMs: 1_000 }).leaseMs).toBe(120_000);
  });
});
