import { describe, expect, it } from 'vitest';
import { newWebhookSecret, timeZoneOf, webhookUrlOf, weekStartOf } from './inputs.js';

const refusal = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  throw new Error('not refused');
};

describe('the subgraph’s input checks', () => {
  it('takes http:// webhook targets only where loopback targets are allowed (development)', () => {
    expect(webhookUrlOf('http://localhost:9000/hook', true)).toBe('http://localhost:9000/hook');
    expect(refusal(() => webhookUrlOf('http://localhost:9000/hook', false))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(webhookUrlOf('https://Hooks.Example.com/a?b=1', false)).toBe('https://hooks.example.com/a?b=1');
    expect(refusal(() => webhookUrlOf('javascript:alert(1)', true))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('answers a time zone in its canonical spelling and refuses offsets and unknown names', () => {
    expect(timeZoneOf('europe/berlin', 'tz')).toBe('Europe/Berlin');
    expect(timeZoneOf('UTC', 'tz')).toBe('UTC');
    expect(refusal(() => timeZoneOf('+02:00', 'tz'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tz' });
    expect(refusal(() => timeZoneOf('Atlantis/Capital', 'tz'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tz' });
  });

  it('makes a fresh Standard Webhooks secret of 32 bytes each time', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
  });

  it('takes only a real Monday as a week start', () => {
    expect(weekStartOf('2025-02-03')).toBe('2025-02-03');
    expect(refusal(() => weekStartOf('2025-02-04'))).toMatchObject({ field: 'weekStart' });
    expect(refusal(() => weekStartOf('2025-02-30'))).toMatchObject({ field: 'weekStart' });
  });
});
