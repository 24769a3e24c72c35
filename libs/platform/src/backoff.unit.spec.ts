import { describe, expect, it } from 'vitest';
import { backoffDelay, pause } from './backoff.js';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 1_000 };

  it('doubles from the initial delay and stops at the maximum', () => {
    const middle = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, policy, middle))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('jitters within ±20%', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(80);
    expect(backoffDelay(1, policy, () => 1)).toBe(120);
  });

  it('follows a fixed schedule without jitter', () => {
    const fixed = { initialMs: 10, maxMs: 200, jitter: 0 };
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => backoffDelay(n, fixed, () => 0))).toEqual([10, 20, 40, 80, 160, 200, 200]);
  });
});

describe('pause', () => {
  it('heartbeats while it waits and ends early when no longer active', async () => {
    let beats = 0;
    const started = Date.now();
    await pause(5_000, { stepMs: 10, heartbeat: () => Promise.resolve(void beats++), active: () => beats < 3 });
    expect(beats).toBe(3);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
