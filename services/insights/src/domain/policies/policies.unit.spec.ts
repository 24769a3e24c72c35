import { describe, expect, it } from 'vitest';
import { chooseAnalyzer } from './analyzer-choice.js';
import { budgetDay, closedBreaker, parseRetryAfter, recordFailure, recordSuccess, requestThrough, retryDelay, withinDailyBudget, type BreakerState } from '@mindflow/platform/claude';
import { dueAt } from './debounce.js';

describe('daily budget', () => {
  it('counts per UTC day and allows up to the limit', () => {
    expect(budgetDay(new Date('2030-01-01T23:59:59Z'))).toBe('2030-01-01');
    expect(withinDailyBudget(2, 3)).toBe(true);
    expect(withinDailyBudget(3, 3)).toBe(false);
    expect(withinDailyBudget(0, 0)).toBe(false);
  });
});

describe('debounce', () => {
  const window = { quietMs: 2_000, maxWaitMs: 10_000 };
  const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, s));

  it('is due a quiet window after the latest edit', () => {
    expect(dueAt(at(0), at(0), window)).toEqual(at(2));
    expect(dueAt(at(0), at(5), window)).toEqual(at(7));
  });

  it('is never later than the longest wait after the first edit', () => {
    expect(dueAt(at(0), at(9), window)).toEqual(at(10));
  });
});

describe('circuit breaker', () => {
  const policy = { failureThreshold: 3, openMs: 1_000 };
  const fail = (state: BreakerState, now = 0) => recordFailure(state, now, policy);

  it('opens after consecutive failures, and a success resets the count', () => {
    let state = fail(fail(closedBreaker));
    expect(state).toEqual({ kind: 'closed', failures: 2 });
    expect(recordSuccess(state)).toEqual(closedBreaker);
    state = fail(state, 50);
    expect(state).toEqual({ kind: 'open', openedAt: 50 });
    expect(requestThrough(state, 500, policy).allowed).toBe(false);
  });

  it('lets one trial through once the open time passed, and closes or reopens on its outcome', () => {
    const open: BreakerState = { kind: 'open', openedAt: 0 };
    const trial = requestThrough(open, 1_000, policy);
    expect(trial).toEqual({ allowed: true, state: { kind: 'half-open', trialInFlight: true } });
    expect(requestThrough(trial.state, 1_001, policy).allowed).toBe(false);
    expect(recordSuccess(trial.state)).toEqual(closedBreaker);
    expect(fail(trial.state, 1_200)).toEqual({ kind: 'open', openedAt: 1_200 });
  });
});

describe('retry schedule', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };

  it('backs off exponentially with jitter inside [ceiling/2, ceiling)', () => {
    expect(retryDelay(1, policy, 0)).toBe(50);
    expect(retryDelay(2, policy, 0)).toBe(100);
    expect(retryDelay(3, policy, 0.5)).toBe(300);
    expect(retryDelay(3, policy, 0.999_999_9)).toBeLessThan(400);
  });

  it('caps the delay and gives up after the last attempt', () => {
    expect(retryDelay(3, { ...policy, maxDelayMs: 250 }, 0)).toBe(125);
    expect(retryDelay(4, policy, 0)).toBeNull();
  });

  it('honours retry-after, unless it is longer than we wait', () => {
    expect(retryDelay(1, policy, 0.7, 1_500)).toBe(1_500);
    expect(retryDelay(1, policy, 0.7, 60_000)).toBeNull();
  });

  it('reads retry-after as seconds or an HTTP date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:03 GMT', now)).toBe(3_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('analyzer choice', () => {
  const premium = { plan: 'premium' as const, claudeAvailable: true, usedToday: 0, dailyBudget: 2 };
  it('gives Claude to premium authors with a key and budget left, the local analyzer otherwise', () => {
    expect(chooseAnalyzer(premium)).toEqual({ use: 'claude' });
    expect(chooseAnalyzer({ ...premium, plan: 'free' })).toEqual({ use: 'local', why: 'free-plan' });
    expect(chooseAnalyzer({ ...premium, claudeAvailable: false })).toEqual({ use: 'local', why: 'no-api-key' });
    expect(chooseAnalyzer({ ...premium, usedToday: 2 })).toEqual({ use: 'local', why: 'budget-spent' });
  });
});
