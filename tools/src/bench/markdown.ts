import type { BenchmarkResult, RunResult } from './result.js';

const num = (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));
/** Two significant digits at least: ×0.075 stays ×0.075, not ×0.07. */
const times = (value: number | undefined) => (value === undefined ? '—' : `×${num(value, value < 0.1 ? 3 : 2)}`);

/** Markdown tables of a run (raw figures, then ratios), for BENCHMARKS.md: `run.ts --markdown <results.json>`. */
export function markdownTables(run: RunResult): string {
  const out: string[] = [
    `Run: profile \`${run.profile}\`, ${run.startedAt}, commit \`${run.gitCommit ?? '?'}\`${run.gitDirty.length ? ` (+ ${run.gitDirty.length} uncommitted paths of work in progress)` : ''}, ${(run.durationMs / 1000).toFixed(0)} s.`,
    `Machine: ${run.machine.cpus} × ${run.machine.cpuModel}, ${run.machine.memoryGiB} GiB, ${run.machine.platform}, Node ${run.machine.node}.`,
    `Load average (1 min) during the run: start ${run.load.start}, mean ${run.load.mean}, max ${run.load.max}; at the end 1/5/15 min ${run.load.atEnd.join(' / ')}.`,
  ];
  for (const bench of run.benchmarks) out.push('', ...table(bench));
  for (const failure of run.failures) out.push('', `**${failure.name} failed**: ${failure.error}`);
  return out.join('\n');
}

function table(bench: BenchmarkResult): string[] {
  const rows = [
    `#### ${bench.name}: ${bench.title}`,
    '',
    `${(bench.durationMs / 1000).toFixed(1)} s; load average ${bench.load.start} → ${bench.load.end} (mean ${bench.load.mean}, max ${bench.load.max}).`,
    '',
    '| measurement | role | ops | errors | per second | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
    ...bench.measurements.map((m) =>
      `| ${m.label} | ${m.role} | ${m.operations} | ${m.errors} | ${num(m.perSecond)} ${m.unit} | ${num(m.latency?.p50Ms, 2)} | ${num(m.latency?.p95Ms, 2)} | ${num(m.latency?.p99Ms, 2)} | ${num(m.latency?.maxMs, 2)} |`),
    '',
    '| subject vs baseline | throughput ratio | p50 ratio | p99 ratio |',
    '|---|--:|--:|--:|',
    ...bench.ratios.map((r) => `| ${r.subject} vs ${r.baseline}${r.basis ? ` (${r.basis})` : ''} | ${times(r.throughput)} | ${times(r.p50)} | ${times(r.p99)} |`),
  ];
  const errors = bench.measurements.filter((m) => m.firstError).map((m) => `- ${m.label}: ${m.firstError}`);
  return errors.length ? [...rows, '', ...errors] : rows;
}
