// Runs the benchmarks of issue 7 one after another, each bounded in time, and collects their results.
import { execFileSync } from 'node:child_process';
import { stopKafkaIdleTimers } from '@mindflow/event-log';
import { repoRoot } from '../system/index.js';
import * as command from './benchmarks/command-throughput.js';
import * as freshness from './benchmarks/freshness.js';
import * as gateway from './benchmarks/gateway-overhead.js';
import * as relay from './benchmarks/outbox-relay.js';
import * as projector from './benchmarks/query-projector.js';
import * as searchProjector from './benchmarks/search-projector.js';
import * as seededReads from './benchmarks/seeded-reads.js';
import * as subscriptionScale from './benchmarks/subscription-scale.js';
import { createBenchContext, type BenchContext } from './context.js';
import { describe } from './load.js';
import { LoadSampler, machineInfo } from './machine.js';
import { profiles, type Profile } from './profile.js';
import type { BenchmarkOutcome, BenchmarkResult, RunResult } from './result.js';

interface Benchmark {
  readonly name: string;
  readonly title: string;
  /** Runs against the shared running system (started once, on first use). */
  readonly needsSystem: boolean;
  /** Its own bound instead of the run's (the profile's, e.g. seeded-reads: seeding takes minutes). */
  timeoutMs?(profile: Profile): number;
  run(context: BenchContext): Promise<BenchmarkOutcome>;
}

/** In this order: the pipeline pieces on their own first, then what needs the whole system. */
// subscription-scale last: the thousands of sockets it opens and ends must not weigh on another benchmark's figures.
// seeded-reads after it: its own processes on its own read DBs, no system.
export const benchmarks: readonly Benchmark[] = [relay, projector, searchProjector, command, freshness, gateway, subscriptionScale, seededReads];
export const benchmarkNames = benchmarks.map((b) => b.name);

export interface RunOptions {
  readonly profile: 'quick' | 'full';
  /** Only these benchmarks (names); all when absent. */
  readonly only?: readonly string[];
  readonly log?: (line: string) => void;
  /** Where the services' own logs go; null (default) silences them. */
  readonly serviceOutput?: NodeJS.WritableStream | null;
  /** Stops a benchmark that runs longer than this (default: 5 min full, 50 s quick). */
  readonly benchmarkTimeoutMs?: number;
}

export async function runBenchmarks(options: RunOptions): Promise<RunResult> {
  const unknown = (options.only ?? []).filter((name) => !benchmarkNames.includes(name));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; known: ${benchmarkNames.join(', ')}`);
  const selected = benchmarks.filter((b) => !options.only?.length || options.only.includes(b.name));
  // The bench's own Kafka clients (the servers' probe, event feeds, raw baselines) without kafkajs 2.2.4's idle 1 ms
  // timer loop, whose negative delay was the `TimeoutNegativeWarning: -1796… is a negative number` every run printed
  // (the roles stop it in libs/event-log; this process never went through there). Process-wide, before any client.
  stopKafkaIdleTimers();
  const profile = profiles[options.profile];
  const log = options.log ?? ((line: string) => console.error(`[bench] ${line}`));
  const timeoutMs = options.benchmarkTimeoutMs ?? (profile.name === 'quick' ? 50_000 : 300_000);
  const context = createBenchContext(profile, log, options.serviceOutput ?? null);
  const startedAt = new Date().toISOString();
  const began = performance.now();
  const overall = new LoadSampler();
  const results: BenchmarkResult[] = [];
  const failures: { name: string; error: string }[] = [];
  // Quick (CI) runs start the system while the first benchmarks run: their figures do not matter there, the time does.
  if (profile.name === 'quick' && selected.some((b) => b.needsSystem)) context.system().catch(() => undefined);
  try {
    for (const bench of selected) {
      log(`${bench.name}: ${bench.title}`);
      const sampler = new LoadSampler();
      const benchStartedAt = new Date().toISOString();
      const started = performance.now();
      try {
        // The system's start (15 processes, ~45 s on this machine) is not the benchmark's: its own bound, outside the budget.
        if (bench.needsSystem) await withTimeout(context.system(), 300_000, 'the system to start');
        const outcome = await withTimeout(bench.run(context), bench.timeoutMs?.(profile) ?? timeoutMs, bench.name);
        results.push({ name: bench.name, title: bench.title, startedAt: benchStartedAt, durationMs: Math.round(performance.now() - started), load: sampler.stop(), ...outcome });
      } catch (error) {
        sampler.stop();
        failures.push({ name: bench.name, error: describe(error) });
        log(`${bench.name} failed: ${describe(error)}`);
      }
    }
  } finally {
    await context.close();
  }
  return {
    profile: profile.name,
    startedAt,
    durationMs: Math.round(performance.now() - began),
    machine: machineInfo(),
    load: overall.stop(),
    gitCommit: git(['rev-parse', '--short', 'HEAD']).trim() || null,
    gitDirty: git(['status', '--porcelain', '--untracked-files=no']).split('\n').map((line) => line.slice(3).trim()).filter(Boolean),
    benchmarks: results,
    failures,
  };
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}
