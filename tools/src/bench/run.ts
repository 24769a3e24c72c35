// npx tsx tools/src/bench/run.ts [--quick] [--only name,...] [--out dir] [--logs]
// Runs the benchmarks (BENCHMARKS.md), prints a summary table, writes JSON to artifacts/bench/.
// npx tsx tools/src/bench/run.ts --markdown artifacts/bench/latest-full.json  prints a run's tables as Markdown.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../system/index.js';
import { benchmarkNames, runBenchmarks } from './bench.js';
import { markdownTables } from './markdown.js';
import { summaryTable, writeResults } from './report.js';
import type { RunResult } from './result.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    logs: { type: 'boolean', default: false },
    markdown: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`usage: npx tsx tools/src/bench/run.ts [--quick] [--only ${benchmarkNames.join(',')}] [--out dir] [--logs]`);
  console.log('       npx tsx tools/src/bench/run.ts --markdown <results.json>');
  process.exit(0);
}

if (values.markdown) {
  console.log(markdownTables(JSON.parse(await readFile(values.markdown, 'utf8')) as RunResult));
  process.exit(0);
}

const result = await runBenchmarks({
  profile: values.quick ? 'quick' : 'full',
  ...(values.only ? { only: values.only.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
  serviceOutput: values.logs ? process.stderr : null,
});
console.log(summaryTable(result));
const file = await writeResults(result, values.out ?? join(repoRoot, 'artifacts', 'bench'));
console.log(`\nresults: ${file}`);
process.exit(result.failures.length > 0 ? 1 : 0);
