// `npm run generate`: regenerates src/generated/ from the .proto files. It generates into a temporary
// folder and then writes only the files that changed (each through a rename, never half-written) and
// removes the ones no .proto produces any more, so a concurrent `check` never reads a torn file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInto } from './codegen.js';
import { compareTrees, syncTree } from './generated-tree.js';
import { generatedDir } from './paths.js';

const fresh = mkdtempSync(join(tmpdir(), 'mindflow-proto-'));
try {
  generateInto(fresh);
  const differences = compareTrees(fresh, generatedDir);
  syncTree(fresh, generatedDir, differences);
  console.log(differences.length === 0
    ? 'proto: src/generated is up to date'
    : `proto: regenerated ${differences.map((d) => d.path).join(', ')}`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
