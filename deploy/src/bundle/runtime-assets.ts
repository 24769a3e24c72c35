// The non-code files our packages read at run time. A bundle gets those of every workspace package it
// inlines, at the same path relative to the bundle's folder as relative to the repository root.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** What a package may read at run time: SQL migrations, gRPC contracts, GraphQL schemas. */
export const runtimeAssetPattern = /\.(sql|proto|graphql)$/;
const skippedDirs = new Set(['node_modules', 'test', 'testing', 'dist', 'tools', '.cache']);

/** The workspace package folder (holding package.json) of a repo-relative source file, or undefined for node_modules. */
export function packageRootOf(repoRoot: string, file: string): string | undefined {
  if (file.split(/[\\/]/).includes('node_modules')) return undefined;
  let dir = dirname(join(repoRoot, file));
  while (dir.startsWith(repoRoot) && dir !== repoRoot) {
    if (existsSync(join(dir, 'package.json'))) return relative(repoRoot, dir).split(sep).join('/');
    dir = dirname(dir);
  }
  return undefined;
}

/** Every runtime asset of one package, repo-relative, sorted. */
export async function runtimeAssetsOf(repoRoot: string, packageDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(join(repoRoot, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skippedDirs.has(entry.name)) await walk(path);
      } else if (runtimeAssetPattern.test(entry.name) && !entry.name.includes('.spec.')) {
        found.push(path);
      }
    }
  };
  await walk(packageDir);
  return found.sort();
}
