// The quick profile, as CI runs it to keep the benchmarks working: every benchmark runs against the real
// servers and produces sane figures. Behaviour only — no timing thresholds (the machine is shared).
import { describe, expect, it } from 'vitest';
import { benchmarkNames, runBenchmarks } from './bench.js';
import type { Measurement, RunResult } from './result.js';

describe('benchmarks, quick profile', () => {
  let run: RunResult;

  it('runs every benchmark to completion', async () => {
    run = await runBenchmarks({ profile: 'quick', log: () => undefined });
    expect(run.failures).toEqual([]);
    expect(run.benchmarks.map((b) => b.name)).toEqual(benchmarkNames);
    expect(run.machine.cpus).toBeGreaterThan(0);
    expect(run.load.max).toBeGreaterThanOrEqual(0);
  }, 480_000);

  it.each(benchmarkNames)('%s: a baseline and a subject, positive throughput, no errors, ordered percentiles, finite ratios', (name) => {
    const bench = run.benchmarks.find((b) => b.name === name);
    expect(bench, `${name} produced no result`).toBeDefined();
    expect(bench!.measurements.some((m) => m.role === 'baseline')).toBe(true);
    expect(bench!.measurements.some((m) => m.role === 'subject')).toBe(true);
    for (const m of bench!.measurements) expectSane(m);
    expect(bench!.ratios.length).toBeGreaterThan(0);
    for (const r of bench!.ratios) {
      const values = [r.throughput, r.p50, r.p99].filter((v) => v !== undefined);
      expect(values.length, `${r.subject} vs ${r.baseline}`).toBeGreaterThan(0);
      for (const v of values) expect(Number.isFinite(v) && v > 0, `${r.subject} vs ${r.baseline}: ${v}`).toBe(true);
    }
  });

  it('command: gRPC, gateway and the raw baseline at every concurrency of the profile', () => {
    const labels = run.benchmarks.find((b) => b.name === 'command')!.measurements.map((m) => m.label);
    for (const c of [1, 8, 64]) expect(labels).toEqual(expect.arrayContaining([`raw INSERT ×${c}`, `gRPC ×${c}`, `gateway ×${c}`]));
  });

  it('freshness: every command became visible in the read model and reached its subscriber', () => {
    const bench = run.benchmarks.find((b) => b.name === 'freshness')!;
    const commands = bench.measurements.filter((m) => m.unit === 'cmd/s');
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const rate = command.label.slice(command.label.indexOf('@'));
      for (const label of [`commit → read model ${rate}`, `commit → subscription ${rate}`]) {
        expect(bench.measurements.find((m) => m.label === label)?.operations, label).toBe(command.operations);
      }
    }
  });

  it('subscription-scale: every socket acked and held (no server close), every subscriber got every event, memory read', () => {
    const bench = run.benchmarks.find((b) => b.name === 'subscription-scale')!;
    for (const target of ['bare ws', 'gateway']) {
      const connect = bench.measurements.find((m) => m.label.startsWith(`${target}: connect`))!;
      expect(connect.operations, target).toBe(300);
      const held = bench.measurements.find((m) => m.label.startsWith(`${target}: hold`))!;
      expect(Number(held.extra?.['rssPerSocketKiB']), `${target}: RSS per socket`).toBeGreaterThan(0);
    }
    const fanOut = bench.measurements.find((m) => m.label.startsWith('gateway: notify'))!;
    expect(fanOut.operations).toBe(100 * Number(fanOut.extra?.['rounds']));
  });

  it('seeded-reads: the heavy user\'s four reads answered at every size of the profile, each compared with the smallest', () => {
    const bench = run.benchmarks.find((b) => b.name === 'seeded-reads')!;
    const reads = ['journal(id) { entries }', 'dashboard', 'calendar (a month)', 'search'];
    for (const size of [1_000, 10_000]) for (const read of reads) expect(bench.measurements.map((m) => m.label)).toContain(`${read} @${size}`);
    expect(bench.ratios.map((r) => r.subject).sort()).toEqual(reads.map((read) => `${read} @10000`).sort());
  });
});

function expectSane(m: Measurement): void {
  const what = `${m.label}: ${JSON.stringify(m)}`;
  expect(m.errors, what).toBe(0);
  expect(m.operations, what).toBeGreaterThan(0);
  expect(m.perSecond, what).toBeGreaterThan(0);
  expect(m.seconds, what).toBeGreaterThan(0);
  if (!m.latency) return;
  const { minMs, p50Ms, p95Ms, p99Ms, maxMs } = m.latency;
  for (const v of [minMs, p50Ms, p95Ms, p99Ms, maxMs]) expect(Number.isFinite(v) && v >= 0, what).toBe(true);
  expect(minMs <= p50Ms && p50Ms <= p95Ms && p95Ms <= p99Ms && p99Ms <= maxMs, what).toBe(true);
  expect(m.latency.count, what).toBe(m.operations);
}
