// npx tsx tools/src/bench/cpu-profile-top.ts <file.cpuprofile> [--top 25] [--under functionName]
// The top frames of a `node --cpu-prof` profile as Markdown: self time per function (idle, GC and
// program included, so the share waiting on I/O shows), and inclusive time, i.e. time in a function and
// what it calls. With --under, only samples whose stack passes through that function (e.g. `projectChunk`).
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../system/index.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, under: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npx tsx tools/src/bench/cpu-profile-top.ts <file.cpuprofile> [--top 25] [--under functionName]');
  process.exit(2);
}
const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
const top = Number(values.top);

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const label = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.startsWith('file://') ? relative(repoRoot, new URL(url).pathname) : url}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  const stack: ProfileNode[] = [];
  for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
  if (values.under && !stack.some((n) => n.callFrame.functionName === values.under)) continue;
  total += dt;
  self.set(label(stack[0]!), (self.get(label(stack[0]!)) ?? 0) + dt);
  for (const name of new Set(stack.map(label))) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
}

const table = (title: string, times: Map<string, number>) => {
  const rows = [...times].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`\n| ${title} | ms | share |\n|---|--:|--:|`);
  for (const [name, us] of rows) console.log(`| \`${name.replaceAll('|', '\\|')}\` | ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} % |`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled${values.under ? ` under ${values.under}` : ''}`);
table('self time', self);
table('inclusive time', inclusive);
