// A circuit breaker as a pure state machine: the adapter holds the state and passes the clock in.
//   closed ──(failureThreshold consecutive failures)──▶ open ──(openMs elapsed)──▶ half-open
//   half-open ──(trial succeeds)──▶ closed;  half-open ──(trial fails)──▶ open again
// In half-open only one trial call is let through at a time.

export type BreakerState =
  | { readonly kind: 'closed'; readonly failures: number }
  | { readonly kind: 'open'; readonly openedAt: number }
  | { readonly kind: 'half-open'; readonly trialInFlight: boolean };

export interface BreakerPolicy {
  readonly failureThreshold: number;
  readonly openMs: number;
}

export const closedBreaker: BreakerState = { kind: 'closed', failures: 0 };

/** Whether a call may go out now, and the state after letting it (a half-open breaker admits one trial). */
export function requestThrough(state: BreakerState, now: number, policy: BreakerPolicy): { allowed: boolean; state: BreakerState } {
  switch (state.kind) {
    case 'closed':
      return { allowed: true, state };
    case 'open':
      if (now - state.openedAt < policy.openMs) return { allowed: false, state };
      return { allowed: true, state: { kind: 'half-open', trialInFlight: true } };
    case 'half-open':
      if (state.trialInFlight) return { allowed: false, state };
      return { allowed: true, state: { kind: 'half-open', trialInFlight: true } };
    default: {
      const unknown: never = state;
      throw new Error(`unknown breaker state ${JSON.stringify(unknown)}`);
    }
  }
}

export function recordSuccess(_state: BreakerState): BreakerState {
  return closedBreaker;
}

export function recordFailure(state: BreakerState, now: number, policy: BreakerPolicy): BreakerState {
  if (state.kind === 'half-open' || state.kind === 'open') return { kind: 'open', openedAt: now };
  const failures = state.failures + 1;
  return failures >= policy.failureThreshold ? { kind: 'open', openedAt: now } : { kind: 'closed', failures };
}
