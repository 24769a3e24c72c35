// Load drivers: closed loop (N clients, each sending its next request when the last one answered) for
// throughput at a given concurrency, and open loop (requests sent on a fixed schedule, whatever the answers
// do) for latency at a steady rate. Both are bounded in time.
import { setTimeout as sleep } from 'node:timers/promises';
import { Histogram, type LatencySummary } from './histogram.js';

export interface LoadResult {
  /** Operations answered within the measured window (after the warm-up). */
  readonly operations: number;
  readonly errors: number;
  readonly firstError?: string;
  readonly seconds: number;
  readonly perSecond: number;
  readonly latency: LatencySummary;
  /** The recordings behind `latency`, to merge rounds (`combine`). */
  readonly histogram: Histogram;
}

export interface ClosedLoopOptions {
  readonly concurrency: number;
  /** Run but not counted: connections, JIT, pools and caches settle first. */
  readonly warmupMs: number;
  readonly durationMs: number;
  /** One request; `worker` is 0..concurrency-1, `n` counts that worker's requests. A throw counts as an error. */
  readonly operation: (worker: number, n: number) => Promise<void>;
}

export async function closedLoop(options: ClosedLoopOptions): Promise<LoadResult> {
  const histogram = new Histogram();
  const begin = performance.now();
  const measureFrom = begin + options.warmupMs;
  const end = measureFrom + options.durationMs;
  let errors = 0;
  let firstError: string | undefined;
  const worker = async (id: number) => {
    for (let n = 0; performance.now() < end; n++) {
      const started = performance.now();
      try {
        await options.operation(id, n);
      } catch (error) {
        errors += 1;
        firstError ??= describe(error);
        // A failing target answers fast: do not spin on it.
        await sleep(5);
        continue;
      }
      // Counted by when it was answered: the window's throughput is what was answered within it, so that
      // with many clients and long answers the requests straddling its edges are not all lost.
      const answered = performance.now();
      if (answered >= measureFrom && answered <= end) histogram.recordMs(answered - started);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, id) => worker(id)));
  const seconds = options.durationMs / 1000;
  return {
    operations: histogram.count,
    errors,
    ...(firstError ? { firstError } : {}),
    seconds,
    perSecond: histogram.count / seconds,
    latency: histogram.summary(),
    histogram,
  };
}

/** Rounds of one measurement as one: operations, errors and time added, latencies merged. */
export function combine(rounds: readonly LoadResult[]): LoadResult {
  const histogram = new Histogram();
  for (const round of rounds) histogram.add(round.histogram);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const firstError = rounds.find((r) => r.firstError)?.firstError;
  return {
    operations: histogram.count,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    ...(firstError ? { firstError } : {}),
    seconds,
    perSecond: histogram.count / seconds,
    latency: histogram.summary(),
    histogram,
  };
}

/**
 * Runs each variant `rounds` times, taking turns (A B C A B C …), and combines each variant's rounds: on a
 * machine whose load comes and goes, every variant then sees the same mix of quiet and busy moments.
 */
export async function interleaved<K extends string>(rounds: number, variants: Record<K, () => Promise<LoadResult>>): Promise<Record<K, LoadResult>> {
  const results = Object.fromEntries(Object.keys(variants).map((k) => [k, [] as LoadResult[]])) as Record<K, LoadResult[]>;
  for (let round = 0; round < rounds; round++) {
    for (const key of Object.keys(variants) as K[]) results[key].push(await variants[key]());
  }
  return Object.fromEntries((Object.keys(results) as K[]).map((k) => [k, combine(results[k])])) as Record<K, LoadResult>;
}

export interface SteadyRateOptions {
  readonly perSecond: number;
  readonly durationMs: number;
  /** Requests allowed in flight; when reached, the schedule slips (counted as `late`). */
  readonly maxInFlight: number;
  readonly operation: (n: number) => Promise<void>;
}

export interface SteadyRateResult extends LoadResult {
  readonly scheduled: number;
  /** Requests sent more than 10 ms after their slot (the client or the target could not keep up). */
  readonly late: number;
}

/** Sends `perSecond` requests per second on a fixed schedule for `durationMs`, then waits for the answers. */
export async function steadyRate(options: SteadyRateOptions): Promise<SteadyRateResult> {
  const histogram = new Histogram();
  const scheduled = Math.max(1, Math.round((options.perSecond * options.durationMs) / 1000));
  const interval = 1000 / options.perSecond;
  let inFlight = 0;
  let errors = 0;
  let late = 0;
  let firstError: string | undefined;
  const pending: Promise<void>[] = [];
  const begin = performance.now();
  for (let n = 0; n < scheduled; n++) {
    const slot = begin + n * interval;
    const wait = slot - performance.now();
    if (wait > 1) await sleep(wait);
    while (inFlight >= options.maxInFlight) await sleep(1);
    if (performance.now() - slot > 10) late += 1;
    inFlight += 1;
    const started = performance.now();
    pending.push(
      options.operation(n).then(
        () => histogram.recordMs(performance.now() - started),
        (error: unknown) => {
          errors += 1;
          firstError ??= describe(error);
        },
      ).finally(() => (inFlight -= 1)),
    );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - begin) / 1000;
  return {
    scheduled,
    late,
    operations: histogram.count,
    errors,
    ...(firstError ? { firstError } : {}),
    seconds,
    perSecond: histogram.count / seconds,
    latency: histogram.summary(),
    histogram,
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : String(error).slice(0, 500);
}
