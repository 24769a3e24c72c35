// `npm run check` (Nx target `check`): fails when src/generated/ is not what the .proto files generate,
// naming each stale file. Compares a fresh generation (in a temporary folder) with
//   1. the working tree: a .proto changed without `npm run generate`, or a generated file edited by hand;
//   2. git's index (what is committed or staged): catches a stale commit even when `build`, which
//      regenerates, has already refreshed the working tree in the same CI run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInto } from './codegen.js';
import { compareContents, compareTrees, type Difference } from './generated-tree.js';
import { readIndexedFiles } from './git-index.js';
import { generatedDir, generatedRelative } from './paths.js';
import { protoRoot } from '../src/proto-files.js';

function report(title: string, differences: Difference[], fix: string): void {
  console.error(`proto check: ${title}`);
  for (const { path, kind } of differences) {
    const what = kind === 'added' ? 'missing' : kind === 'removed' ? 'no longer generated' : 'differs';
    console.error(`  proto/${generatedRelative}/${path}: ${what}`);
  }
  console.error(`  fix: ${fix}`);
}

const fresh = mkdtempSync(join(tmpdir(), 'mindflow-proto-check-'));
let failed = false;
try {
  generateInto(fresh);
  const inWorkTree = compareTrees(fresh, generatedDir);
  if (inWorkTree.length > 0) {
    failed = true;
    report('generated code is stale (a .proto changed without regenerating?)', inWorkTree,
      'npm run generate -w @mindflow/proto, then commit proto/src/generated');
  }
  const indexed = readIndexedFiles(protoRoot, generatedRelative);
  if (indexed === undefined) {
    console.log('proto check: not a git work tree, compared the working tree only');
  } else {
    const inIndex = compareContents(fresh, [...indexed.keys()], (path) => indexed.get(path));
    if (inIndex.length > 0) {
      failed = true;
      report('committed (git index) generated code is stale', inIndex,
        inWorkTree.length === 0 ? 'git add proto/src/generated and commit' : 'regenerate first (above)');
    }
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log('proto check: src/generated matches the .proto files');
