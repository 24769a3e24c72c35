import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Difference {
  /** Relative to the compared folders, with forward slashes. */
  path: string;
  kind: 'added' | 'changed' | 'removed';
}

export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    // `.tmp` files are syncTree's in-flight writes, about to be renamed into place.
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1).replaceAll('\\', '/'))
    .sort();
}

/** What `actual` would need to become `expected`: files to add, change or remove. */
export function compareTrees(expected: string, actual: string): Difference[] {
  return compareContents(expected, listFiles(actual), (path) => readIfExists(join(actual, path)));
}

/** Same, with the current contents given by a reader (the working tree, or git's index). */
export function compareContents(
  expected: string,
  actualPaths: string[],
  readActual: (path: string) => string | undefined,
): Difference[] {
  const expectedPaths = listFiles(expected);
  const differences: Difference[] = [];
  for (const path of expectedPaths) {
    const actual = readActual(path);
    if (actual === undefined) differences.push({ path, kind: 'added' });
    else if (actual !== readFileSync(join(expected, path), 'utf8')) differences.push({ path, kind: 'changed' });
  }
  const wanted = new Set(expectedPaths);
  for (const path of actualPaths) if (!wanted.has(path)) differences.push({ path, kind: 'removed' });
  return differences.sort((a, b) => a.path.localeCompare(b.path));
}

export function syncTree(source: string, target: string, differences: Difference[]): void {
  for (const { path, kind } of differences) {
    const destination = join(target, path);
    if (kind === 'removed') {
      rmSync(destination, { force: true });
      continue;
    }
    mkdirSync(dirname(destination), { recursive: true });
    const temporary = `${destination}.${process.pid}.tmp`;
    writeFileSync(temporary, readFileSync(join(source, path)));
    renameSync(temporary, destination);
  }
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
