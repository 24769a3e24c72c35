import { describe, expect, it } from 'vitest';
import { beginLoginAttempt, lockoutPolicy, loginSucceeded, noFailures, type LoginThrottle } from './lockout.js';

const t0 = new Date('2030-01-01T09:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);
const minutes = (n: number) => n * 60_000;

/** Given a throttle, when `count` wrong passwords arrive `gapMs` apart: the throttle after them. */
function failTimes(count: number, from: LoginThrottle = noFailures, start = t0, gapMs = 1_000): LoginThrottle {
  let throttle = from;
  for (let i = 0; i < count; i += 1) {
    const attempt = beginLoginAttempt(throttle, new Date(start.getTime() + i * gapMs));
    if (attempt.kind !== 'proceed') throw new Error(`attempt ${i + 1} was refused`);
    throttle = attempt.throttle;
  }
  return throttle;
}

describe('login lockout', () => {
  it('counts an attempt as failed before the password is checked', () => {
    expect(beginLoginAttempt(noFailures, t0)).toEqual({
      kind: 'proceed',
      throttle: { failures: 1, lastFailureAt: t0, lockedUntil: null },
    });
  });

  it('four failures do not lock; the fifth locks for 15 minutes', () => {
    const four = failTimes(4);
    expect(four.lockedUntil).toBeNull();
    const fifth = beginLoginAttempt(four, after(10_000));
    expect(fifth).toEqual({ kind: 'proceed', throttle: { failures: 5, lastFailureAt: after(10_000), lockedUntil: after(10_000 + minutes(15)) } });
  });

  it('refuses every attempt while locked, saying how long to wait, and counts none of them', () => {
    const locked = failTimes(5);
    const lockedAt = locked.lastFailureAt!.getTime() - t0.getTime();
    expect(beginLoginAttempt(locked, after(lockedAt + minutes(1)))).toEqual({ kind: 'locked', retryAfterMs: minutes(14) });
    expect(beginLoginAttempt(locked, after(lockedAt + minutes(15) - 1))).toEqual({ kind: 'locked', retryAfterMs: 1 });
  });

  it('unlocks after 15 minutes with a fresh count', () => {
    const locked = failTimes(5);
    const unlockAt = locked.lockedUntil!;
    expect(beginLoginAttempt(locked, unlockAt)).toEqual({ kind: 'proceed', throttle: { failures: 1, lastFailureAt: unlockAt, lockedUntil: null } });
  });

  it('forgets failures further apart than the window', () => {
    const four = failTimes(4);
    const later = after(minutes(40));
    expect(beginLoginAttempt(four, later)).toEqual({ kind: 'proceed', throttle: { failures: 1, lastFailureAt: later, lockedUntil: null } });
  });

  it('keeps counting failures within the window even when they are minutes apart', () => {
    const throttle = failTimes(5, noFailures, t0, minutes(3));
    expect(throttle.lockedUntil).not.toBeNull();
  });

  it('a success forgives every failure, the current attempt included', () => {
    expect(loginSucceeded()).toEqual(noFailures);
    const afterSuccess = failTimes(4, loginSucceeded(), after(minutes(1)));
    expect(afterSuccess.lockedUntil).toBeNull();
  });

  it('applies a stricter policy when given one', () => {
    const attempt = beginLoginAttempt({ failures: 1, lastFailureAt: t0, lockedUntil: null }, after(1), { ...lockoutPolicy, maxFailures: 2 });
    expect(attempt.kind === 'proceed' && attempt.throttle.lockedUntil).toEqual(after(1 + minutes(15)));
  });
});
