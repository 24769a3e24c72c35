import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchmarkResult, Measurement, RunResult } from './result.js';

const fmt = (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));

/** A plain-text table per benchmark: raw figures, then each subject's ratio to its baseline. */
export function summaryTable(run: RunResult): string {
  const lines: string[] = [];
  lines.push(`MindFlow benchmarks, profile ${run.profile}, ${run.startedAt}; ${run.machine.cpus} cores (${run.machine.cpuModel}), ${run.machine.node}`);
  lines.push(`commit ${run.gitCommit ?? '?'}${run.gitDirty.length ? ` + ${run.gitDirty.length} uncommitted paths in the tree` : ''}`);
  lines.push(`load average (1 min) during the run: start ${run.load.start}, mean ${run.load.mean}, max ${run.load.max}; at the end 1/5/15 min ${run.load.atEnd.join(' / ')}`);
  for (const bench of run.benchmarks) lines.push('', ...benchmarkTable(bench));
  for (const failure of run.failures) lines.push('', `${failure.name}: FAILED — ${failure.error}`);
  return lines.join('\n');
}

function benchmarkTable(bench: BenchmarkResult): string[] {
  const header = ['', 'role', 'ops', 'err', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  const rows = bench.measurements.map((m: Measurement) => [
    m.label, m.role, String(m.operations), String(m.errors), `${fmt(m.perSecond)} ${m.unit}`,
    fmt(m.latency?.p50Ms, 2), fmt(m.latency?.p95Ms, 2), fmt(m.latency?.p99Ms, 2), fmt(m.latency?.maxMs, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    `${bench.name}: ${bench.title}  (${(bench.durationMs / 1000).toFixed(1)} s, load ${bench.load.start} → ${bench.load.end}, max ${bench.load.max})`,
    line(header),
    ...rows.map(line),
  ];
  for (const r of bench.ratios) {
    const parts = [
      r.throughput !== undefined ? `throughput ×${fmt(r.throughput, 3)}` : undefined,
      r.p50 !== undefined ? `p50 ×${fmt(r.p50, 2)}` : undefined,
      r.p99 !== undefined ? `p99 ×${fmt(r.p99, 2)}` : undefined,
    ].filter(Boolean);
    out.push(`  ${r.subject} vs ${r.baseline}: ${parts.join(', ')}${r.basis ? ` (${r.basis})` : ''}`);
  }
  for (const m of bench.measurements) if (m.firstError) out.push(`  ${m.label}: ${m.errors} errors, first: ${m.firstError}`);
  return out;
}

/** Writes `<dir>/<profile>-<timestamp>.json` and `<dir>/latest-<profile>.json`; returns the first path. */
export async function writeResults(run: RunResult, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = run.startedAt.replace(/[:.]/g, '-');
  const file = join(dir, `${run.profile}-${stamp}.json`);
  const json = JSON.stringify(run, null, 2) + '\n';
  await writeFile(file, json);
  await writeFile(join(dir, `latest-${run.profile}.json`), json);
  return file;
}
