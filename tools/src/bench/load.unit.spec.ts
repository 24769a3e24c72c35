import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { closedLoop, steadyRate } from './load.js';

describe('load drivers', () => {
  it('closed loop: N clients each one request at a time, counted within the window after the warm-up', async () => {
    let inFlight = 0;
    let peak = 0;
    const result = await closedLoop({
      concurrency: 4,
      warmupMs: 50,
      durationMs: 300,
      operation: async () => {
        peak = Math.max(peak, ++inFlight);
        await sleep(10);
        inFlight -= 1;
      },
    });
    expect(peak).toBe(4);
    // 4 clients × ~10 ms each over 300 ms: about 120 answers (timers are coarse on a busy machine).
    expect(result.operations).toBeGreaterThan(20);
    expect(result.operations).toBeLessThanOrEqual(4 * 31);
    expect(result.perSecond).toBeCloseTo(result.operations / 0.3, 5);
    expect(result.latency.p50Ms).toBeGreaterThanOrEqual(9);
    expect(result.errors).toBe(0);
  });

  it('closed loop counts failures apart, with the first reason', async () => {
    const result = await closedLoop({
      concurrency: 2, warmupMs: 0, durationMs: 100,
      operation: async (_worker, n) => {
        if (n % 2 === 1) throw new Error('refused');
        await sleep(1);
      },
    });
    expect(result.errors).toBeGreaterThan(0);
    expect(result.firstError).toBe('Error: refused');
  });

  it('steady rate: sends on schedule whatever the answers do, bounded in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const result = await steadyRate({
      perSecond: 100,
      durationMs: 300,
      maxInFlight: 5,
      operation: async () => {
        peak = Math.max(peak, ++inFlight);
        await sleep(30);
        inFlight -= 1;
      },
    });
    expect(result.scheduled).toBe(30);
    expect(result.operations).toBe(30);
    expect(peak).toBeLessThanOrEqual(5);
    expect(result.latency.p50Ms).toBeGreaterThanOrEqual(29);
  });
});
