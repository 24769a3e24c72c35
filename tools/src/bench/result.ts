import type { LatencySummary } from './histogram.js';
import type { LoadAverage, MachineInfo } from './machine.js';

/** One measured thing: the system under test (`subject`) or what it is compared with (`baseline`). */
export interface Measurement {
  readonly label: string;
  readonly role: 'subject' | 'baseline';
  /** Concurrent clients (closed loop), when that is what varies. */
  readonly concurrency?: number;
  readonly unit: 'req/s' | 'events/s' | 'cmd/s' | 'conn/s';
  readonly operations: number;
  readonly errors: number;
  readonly firstError?: string;
  readonly seconds: number;
  readonly perSecond: number;
  readonly latency?: LatencySummary;
  /** Anything else worth keeping (e.g. events/s including start-up). */
  readonly extra?: Readonly<Record<string, number | string>>;
}

/**
 * Subject against baseline: `throughput` is subject ÷ baseline per second (1 = as fast as the baseline);
 * `p50` / `p99` are subject ÷ baseline latency (1 = as quick; 3 = three times slower).
 */
export interface Ratio {
  readonly subject: string;
  readonly baseline: string;
  /** What the latencies compared are measured from, when it is not the measurements' own `latency`. */
  readonly basis?: string;
  readonly throughput?: number;
  readonly p50?: number;
  readonly p99?: number;
}

export interface BenchmarkOutcome {
  readonly measurements: readonly Measurement[];
  readonly ratios: readonly Ratio[];
  readonly notes: readonly string[];
}

export interface BenchmarkResult extends BenchmarkOutcome {
  readonly name: string;
  readonly title: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly load: LoadAverage;
}

export interface RunResult {
  readonly profile: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly machine: MachineInfo;
  readonly load: LoadAverage;
  readonly gitCommit: string | null;
  /** Paths with uncommitted changes in the tree that ran (others' work in progress runs too). */
  readonly gitDirty: readonly string[];
  readonly benchmarks: readonly BenchmarkResult[];
  /** Benchmarks that threw, with the reason (the others still ran). */
  readonly failures: readonly { readonly name: string; readonly error: string }[];
}

export function ratio(subject: Measurement, baseline: Measurement, what: { throughput?: boolean; latency?: boolean } = { throughput: true, latency: true }): Ratio {
  const div = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? Math.round((a / b) * 1000) / 1000 : undefined;
  const throughput = what.throughput ? div(subject.perSecond, baseline.perSecond) : undefined;
  const p50 = what.latency ? div(subject.latency?.p50Ms, baseline.latency?.p50Ms) : undefined;
  const p99 = what.latency ? div(subject.latency?.p99Ms, baseline.latency?.p99Ms) : undefined;
  return {
    subject: subject.label,
    baseline: baseline.label,
    ...(throughput !== undefined ? { throughput } : {}),
    ...(p50 !== undefined ? { p50 } : {}),
    ...(p99 !== undefined ? { p99 } : {}),
  };
}

/** A load-driver result as a measurement. */
export function measurement(
  label: string,
  role: Measurement['role'],
  unit: Measurement['unit'],
  result: { operations: number; errors: number; firstError?: string; seconds: number; perSecond: number; latency?: LatencySummary },
  more: { concurrency?: number; extra?: Record<string, number | string> } = {},
): Measurement {
  return {
    label,
    role,
    unit,
    operations: result.operations,
    errors: result.errors,
    ...(result.firstError ? { firstError: result.firstError } : {}),
    seconds: Math.round(result.seconds * 1000) / 1000,
    perSecond: Math.round(result.perSecond * 10) / 10,
    ...(result.latency ? { latency: result.latency } : {}),
    ...(more.concurrency !== undefined ? { concurrency: more.concurrency } : {}),
    ...(more.extra ? { extra: more.extra } : {}),
  };
}
