import { describe, expect, it } from 'vitest';
import { deliveryConfigSchema, deliveryWarnings, devUnsubscribeSecret } from './delivery-config.js';

describe('deliveryConfigSchema', () => {
  it('has embedded defaults: the mail catcher, the dev secret (warned), loopback left to the mode', () => {
    const config = deliveryConfigSchema.parse({});
    expect(config).toMatchObject({ SMTP_URL: 'smtp://127.0.0.1:1025', NOTIFICATIONS_UNSUBSCRIBE_SECRET: devUnsubscribeSecret, NOTIFICATIONS_WEBHOOK_MAX_FAILURES: 8, NOTIFICATIONS_DELIVERY_MAX_ATTEMPTS: 8 });
    expect(config.MINDFLOW_WEBHOOK_ALLOW_LOOPBACK).toBeUndefined();
    expect(deliveryWarnings(config)).toEqual(['NOTIFICATIONS_UNSUBSCRIBE_SECRET is the dev default: set one before deploying']);
  });

  it('reads the environment: an empty SMTP_URL (compose passes one) is the default, booleans and numbers from strings', () => {
    const config = deliveryConfigSchema.parse({ SMTP_URL: '', MINDFLOW_WEBHOOK_ALLOW_LOOPBACK: 'false', NOTIFICATIONS_WEBHOOK_MAX_FAILURES: '3', NOTIFICATIONS_UNSUBSCRIBE_SECRET: 'a-production-secret-of-length' });
    expect(config).toMatchObject({ SMTP_URL: 'smtp://127.0.0.1:1025', MINDFLOW_WEBHOOK_ALLOW_LOOPBACK: false, NOTIFICATIONS_WEBHOOK_MAX_FAILURES: 3 });
    expect(deliveryWarnings(config)).toEqual([]);
    expect(deliveryConfigSchema.parse({ SMTP_URL: 'smtps://mail.example.com:465' }).SMTP_URL).toBe('smtps://mail.example.com:465');
  });
});
