import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cachedSessionCheck, type SessionCheck } from './session-check.js';

/** identity's answers, counted; `ended` sessions answer false. */
function identity(delayMs = 0) {
  const ended = new Set<string>();
  let calls = 0;
  let failing = false;
  const check: SessionCheck = {
    required: true,
    async isLive(sessionId) {
      calls += 1;
      if (delayMs) await sleep(delayMs);
      if (failing) throw new Error('identity is down');
      return !ended.has(sessionId);
    },
  };
  return { check, ended, calls: () => calls, fail: (on: boolean) => void (failing = on) };
}

describe('cached session check', () => {
  it('asks identity once for a burst of checks of one session, concurrent or not', async () => {
    const id = identity(20);
    const cached = cachedSessionCheck(id.check, { ttlMs: 1_000 });
    expect(await Promise.all(Array.from({ length: 50 }, () => cached.isLive('s1')))).toEqual(Array(50).fill(true));
    expect(await cached.isLive('s1')).toBe(true);
    expect(id.calls()).toBe(1);
    expect(cached.required).toBe(true);
  });

  it('sees a logout elsewhere within its ttl, and at once after forget()', async () => {
    const id = identity();
    const cached = cachedSessionCheck(id.check, { ttlMs: 100 });
    expect(await cached.isLive('s1')).toBe(true);
    id.ended.add('s1');
    await sleep(150);
    expect(await cached.isLive('s1')).toBe(false);

    expect(await cached.isLive('s2')).toBe(true);
    id.ended.add('s2');
    cached.forget!();
    expect(await cached.isLive('s2')).toBe(false);
  });

  it('lets checks in flight finish when it forgets (a logout elsewhere never fails other requests)', async () => {
    const id = identity(50);
    const cached = cachedSessionCheck(id.check, { ttlMs: 1_000 });
    const inFlight = Promise.all([cached.isLive('s1'), cached.isLive('s2')]);
    cached.forget!();
    expect(await inFlight).toEqual([true, true]);
    expect(await cached.isLive('s1')).toBe(true);
    expect(id.calls()).toBe(3);
  });

  it('does not remember a failed check: the request fails, the next one asks again', async () => {
    const id = identity();
    const cached = cachedSessionCheck(id.check, { ttlMs: 1_000 });
    id.fail(true);
    await expect(cached.isLive('s1')).rejects.toThrow('identity is down');
    id.fail(false);
    expect(await cached.isLive('s1')).toBe(true);
    expect(id.calls()).toBe(2);
  });
});
