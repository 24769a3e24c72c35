// The drills' summary: a table per run (terminal and Markdown, for RELIABILITY.md) and the JSON behind it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DrillRun } from './run-drills.js';

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${(value / 1000).toFixed(1)} s`);

export function markdownTable(run: DrillRun): string {
  const header = '| drill | mode | commands ok / failed | written | delivered | applied | duplicates applied | lost | parked | reconciliation | fault | recover | commands back | result |';
  const lines = [header, header.replace(/[^|]+/g, '---')];
  for (const r of run.results) {
    const a = r.accounting;
    const reconciliation = a.reconciliation.map((x) => `${x.compared} entities, ${x.discrepancies} off`).join('; ');
    lines.push(`| ${r.drill} | ${r.mode} | ${r.load.ok} / ${r.load.failed} | ${a.written} | ${a.delivered} | ${a.applied} | ${a.duplicatesApplied} | ${a.lost} | ${a.parked} | ${reconciliation} | ${ms(r.faultMs)} | ${ms(r.recoverMs)} | ${ms(r.commandsBackMs)} | ${r.ok ? 'clean' : 'FAILED'} |`);
  }
  lines.push('', '| drill | mode | per projection: applied / duplicates applied / lost | recovery notes | load avg after |', '|---|---|---|---|---|');
  for (const r of run.results) {
    const projections = (r.accounting.projections ?? []).map((p) => `${p.projection}: ${p.applied} / ${p.duplicatesApplied} / ${p.lost}`).join('; ');
    const erased = r.accounting.erased ? [`left out of the accounting as erased: ${r.accounting.erased.aggregates} aggregates, ${r.accounting.erased.events} events, ${r.accounting.erased.parked} parked`] : [];
    const at = r.attachments;
    // Older saved runs have no attachments reconciliation.
    const attachments = at ? [`attachments: ${r.load.attached} attached now (${r.load.attachFailed} failed), ${at.attachments} in all, ${at.objects} objects, ${at.objectsWithoutRow} without their row, ${at.rowsWithoutObject} rows without their object`] : [];
    const notes = [...Object.entries(r.notes).map(([k, v]) => `${k} ${String(v)}`), ...erased, ...attachments].join(', ');
    lines.push(`| ${r.drill} | ${r.mode} | ${projections} | ${notes || '—'}; settle ${ms(r.settleMs)}, drill ${r.seconds} s | ${run.loadAverages[`${r.drill} (${r.mode})`] ?? 'n/a'} |`);
  }
  for (const error of run.errors) lines.push(`\nnot run: ${error}`);
  return lines.join('\n');
}

export function failureLines(run: DrillRun): string[] {
  return [
    ...run.results.filter((r) => !r.ok).map((r) => `${r.drill} (${r.mode}): ${r.failures.join(' | ')}`),
    ...run.errors,
  ];
}

export async function writeRun(run: DrillRun, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `drills-${run.profile.name}-${run.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(run, null, 2));
  await writeFile(join(dir, `latest-${run.profile.name}.json`), JSON.stringify(run, null, 2));
  return file;
}
