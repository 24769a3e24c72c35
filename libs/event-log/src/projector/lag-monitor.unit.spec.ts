import { describe, expect, it } from 'vitest';
import { LagMonitor } from './lag-monitor.js';

const policy = { maxLagEvents: 100, maxLagMs: 30_000, pollMs: 1_000 };

function monitor(behind: number[]) {
  let clock = Date.parse('2025-06-01T12:00:00.000Z');
  const counts = [...behind];
  const lag = new LagMonitor(() => Promise.resolve(counts.shift() ?? 0), policy, undefined, () => clock);
  return { lag, tick: (ms: number) => (clock += ms), iso: (offsetMs: number) => new Date(clock + offsetMs).toISOString() };
}

describe('LagMonitor', () => {
  it('is not caught up before its first reading', () => {
    expect(monitor([]).lag.isCaughtUp()).toBe(false);
  });

  it('measures milliseconds from the newest event it finished, and is 0 with nothing waiting', async () => {
    const { lag, iso } = monitor([5, 0]);
    lag.finished(iso(-40_000));
    lag.finished(iso(-45_000)); // older: does not move the mark back
    expect(await lag.measure()).toMatchObject({ events: 5, ms: 40_000 });
    expect(lag.isCaughtUp()).toBe(false); // 40 s > 30 s
    expect(await lag.measure()).toMatchObject({ events: 0, ms: 0 });
    expect(lag.isCaughtUp()).toBe(true);
  });

  it('is not caught up while far behind in events, whatever the time', async () => {
    const { lag, iso } = monitor([5_000, 50]);
    lag.finished(iso(-10));
    await lag.measure();
    expect(lag.isCaughtUp()).toBe(false);
    await lag.measure();
    expect(lag.isCaughtUp()).toBe(true);
  });

  it('does not read a quiet hour before a new event as an hour behind', async () => {
    const { lag, iso, tick } = monitor([0, 1]);
    lag.finished(iso(-3_600_000));
    await lag.measure(); // nothing waiting: fresh as of now
    tick(2_000);
    expect(await lag.measure()).toMatchObject({ events: 1, ms: 2_000 });
    expect(lag.isCaughtUp()).toBe(true);
  });

  it('stops counting as caught up when its reading goes stale (the log cannot be asked)', async () => {
    const { lag, tick } = monitor([0]);
    await lag.measure();
    expect(lag.isCaughtUp()).toBe(true);
    tick(3_500);
    expect(lag.isCaughtUp()).toBe(false);
  });

  it('shares one question to the log between concurrent callers and reuses a fresh reading', async () => {
    let asked = 0;
    const lag = new LagMonitor(() => Promise.resolve((asked += 1, 3)), policy);
    await Promise.all([lag.measure(), lag.measure()]);
    await lag.measure(60_000);
    expect(asked).toBe(1);
  });
});
