// Every retry and every growing poll pause in MindFlow's Node code waits `backoffDelay`: one formula, each caller
// with its own policy (the event log's redeliveries, the supervisor's restarts, the relay, read-your-writes polls).

export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  /** ± this fraction of the delay, at random (default 0.2); 0 for a fixed schedule (a poll's growing pause). */
  readonly jitter?: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 200, maxMs: 30_000 };

/**
 * Delay before retry number `attempt` (1-based): `initialMs`, doubling each time up to `maxMs`, with ±20% jitter
 * (the policy's `jitter`) so many members failing together (a read DB restart) do not retry in lockstep.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  const jitter = policy.jitter ?? 0.2;
  return jitter === 0 ? base : Math.round(base * (1 - jitter + 2 * jitter * random()));
}

/**
 * Waits `ms` in small steps, calling `heartbeat` between them (a consumer that sleeps through its session
 * timeout loses its partitions) and returning early once `active()` turns false.
 */
export async function pause(
  ms: number,
  options: { heartbeat?: () => Promise<void>; active?: () => boolean; stepMs?: number } = {},
): Promise<void> {
  const end = Date.now() + ms;
  const step = options.stepMs ?? 500;
  while (Date.now() < end && (options.active?.() ?? true)) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(step, end - Date.now())));
    await options.heartbeat?.().catch(() => undefined);
  }
}
