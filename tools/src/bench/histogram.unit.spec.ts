import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram.js';

describe('Histogram', () => {
  it('is exact below 2 ms and within 0.1 % above', () => {
    const h = new Histogram();
    for (let us = 1; us <= 100_000; us++) h.recordMicros(us);
    expect(h.quantileMs(0.5)).toBeCloseTo(50, 1);
    expect(Math.abs(h.quantileMs(0.99) - 99) / 99).toBeLessThan(0.001);
    expect(h.quantileMs(1)).toBe(100);
    const small = new Histogram();
    for (const us of [1, 2, 3, 1500, 2047]) small.recordMicros(us);
    expect(small.quantileMs(0.6)).toBe(0.003);
    expect(small.quantileMs(0.8)).toBe(1.5);
    expect(small.quantileMs(1)).toBe(2.047);
  });

  it('never reports a percentile below the true one, nor above the maximum', () => {
    const h = new Histogram();
    const values = Array.from({ length: 5_000 }, (_, i) => Math.round(Math.exp((i % 97) / 8) * 1000 + i));
    for (const v of values) h.recordMicros(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1]! / 1000;
      const got = h.quantileMs(q);
      expect(got).toBeGreaterThanOrEqual(exact);
      expect((got - exact) / exact).toBeLessThan(0.001);
    }
    expect(h.quantileMs(0.99999)).toBeLessThanOrEqual(sorted.at(-1)! / 1000);
  });

  it('adds, summarises, and refuses nonsense', () => {
    const a = new Histogram();
    const b = new Histogram();
    a.recordMs(1);
    b.recordMs(3);
    a.add(b);
    expect(a.summary()).toMatchObject({ count: 2, minMs: 1, meanMs: 2, p50Ms: 1, maxMs: 3 });
    expect(new Histogram().summary().count).toBe(0);
    expect(() => a.recordMicros(-1)).toThrow();
    expect(() => a.recordMicros(Number.NaN)).toThrow();
  });
});
