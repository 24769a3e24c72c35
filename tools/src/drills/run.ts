// npx tsx tools/src/drills/run.ts [--quick] [--mode distributed|embedded|both] [--logs] [drill...]
// npx tsx tools/src/drills/run.ts --markdown artifacts/drills/latest-full.json   prints a saved run's tables
// Runs the fault drills (RELIABILITY.md), prints a table, writes JSON to artifacts/drills/.
// Exit code 0: every drill clean; 1: a drill lost, duplicated or mis-projected something, or could not run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, type Mode } from '../system/index.js';
import { drillNames } from './drills.js';
import { failureLines, markdownTable, writeRun } from './report.js';
import { runDrills, type DrillRun } from './run-drills.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    mode: { type: 'string', default: 'both' },
    logs: { type: 'boolean', default: false },
    out: { type: 'string' },
    markdown: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.markdown) {
  console.log(markdownTable(JSON.parse(await readFile(values.markdown, 'utf8')) as DrillRun));
  process.exit(0);
}

if (values.help || !['distributed', 'embedded', 'both'].includes(values.mode)) {
  console.log(`usage: npx tsx tools/src/drills/run.ts [--quick] [--mode distributed|embedded|both] [--logs] [--out dir] [${drillNames.join('|')} ...]`);
  process.exit(values.help ? 0 : 64);
}

// Ctrl-C / SIGTERM: exit, so the environment's exit hook kills the services it started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const modes: Mode[] = values.mode === 'both' ? ['distributed', 'embedded'] : [values.mode as Mode];
const run = await runDrills({ profile: values.quick ? 'quick' : 'full', modes, only: positionals, serviceOutput: values.logs ? process.stderr : null });
console.log(markdownTable(run));
const file = await writeRun(run, values.out ?? join(repoRoot, 'artifacts', 'drills'));
console.log(`\nresults: ${file}`);
const failures = failureLines(run);
for (const failure of failures) console.log(`FAILED ${failure}`);
process.exit(failures.length > 0 ? 1 : 0);
