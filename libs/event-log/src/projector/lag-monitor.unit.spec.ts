import { describe, expect, it } from 'vitest';
import { LagMonitor } from './lag-monitor.js';

const policy = { maxLagEvents: 100, maxLagMs: 30_000, pollMs: 1_000, maxStallMs: 60_000 };

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

  it('is stalled once events have waited longer than maxStallMs with none finished, and not once it finishes one', async () => {
    const { lag, tick, iso } = monitor([5, 5, 5, 0]);
    await lag.measure();
    expect(lag.isStalled()).toBe(false); // behind, but within the bound since it was made
    tick(61_000);
    expect(lag.isStalled()).toBe(false); // the reading is too old to tell
    await lag.measure();
    expect(lag.isStalled()).toBe(true);
    lag.finished(iso(0));
    expect(lag.isStalled()).toBe(false);
    tick(61_000);
    await lag.measure();
    expect(lag.isStalled()).toBe(true);
    tick(61_000);
    await lag.measure(); // a quiet spell with nothing waiting: not stalled, and progress from then on
    tick(1_000);
    expect(lag.isStalled()).toBe(false);
  });

  it('is never stalled with nothing waiting, nor with maxStallMs 0', async () => {
    const { lag, tick } = monitor([0]);
    tick(600_000);
    await lag.measure();
    expect(lag.isStalled()).toBe(false);
    let clock = 0;
    const off = new LagMonitor(() => Promise.resolve(5), { ...policy, maxStallMs: 0 }, undefined, () => clock);
    clock += 600_000;
    await off.measure();
    expect(off.isStalled()).toBe(false);
  });

  it('is not stalled while only other members\' partitions wait, and is once its own wait', async () => {
    let clock = 0;
    const readings = [{ group: 50, member: 0 }, { group: 50, member: 0 }, { group: 50, member: 3 }];
    const lag = new LagMonitor(() => Promise.resolve(readings.shift()!), policy, undefined, () => clock);
    clock += 600_000;
    expect(await lag.measure()).toMatchObject({ events: 50 }); // readiness and metrics: the group's lag
    expect(lag.isStalled()).toBe(false);
    clock += 600_000;
    await lag.measure();
    expect(lag.isStalled()).toBe(false); // its own caught up at the last reading: progress as of then
    clock += 61_000;
    await lag.measure();
    expect(lag.isStalled()).toBe(true);
  });
});
