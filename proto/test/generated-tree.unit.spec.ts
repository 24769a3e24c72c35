import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codegenFlags } from '../tools/codegen.js';
import { compareContents, compareTrees, syncTree } from '../tools/generated-tree.js';

const folders: string[] = [];
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'proto-tree-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
afterEach(() => {
  for (const root of folders.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the generated-code check', () => {
  it('names every file that differs, is missing or is no longer generated', () => {
    const fresh = folder({ 'a.ts': 'a', 'm/b.ts': 'b2', 'm/new.ts': 'n' });
    const committed = folder({ 'a.ts': 'a', 'm/b.ts': 'b1', 'm/old.ts': 'o', 'm/x.ts.tmp': 'in flight' });
    expect(compareTrees(fresh, committed)).toEqual([
      { path: 'm/b.ts', kind: 'changed' },
      { path: 'm/new.ts', kind: 'added' },
      { path: 'm/old.ts', kind: 'removed' },
    ]);
  });

  it('compares with contents from elsewhere (git\'s index) the same way', () => {
    const fresh = folder({ 'a.ts': 'a' });
    const index = new Map([['a.ts', 'stale'], ['gone.ts', 'g']]);
    expect(compareContents(fresh, [...index.keys()], (path) => index.get(path))).toEqual([
      { path: 'a.ts', kind: 'changed' },
      { path: 'gone.ts', kind: 'removed' },
    ]);
  });

  it('syncs a folder to the fresh output, after which nothing differs', () => {
    const fresh = folder({ 'a.ts': 'a', 'm/b.ts': 'b2' });
    const committed = folder({ 'm/b.ts': 'b1', 'old.ts': 'o' });
    syncTree(fresh, committed, compareTrees(fresh, committed));
    expect(compareTrees(fresh, committed)).toEqual([]);
  });

  it('generates with the flags the runtime loader decodes with', () => {
    expect(codegenFlags()).toEqual(expect.arrayContaining(['--longs=String', '--enums=String', '--defaults']));
    expect(codegenFlags()).not.toContain('--keepCase');
  });
});
