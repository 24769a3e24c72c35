import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The monorepo's root (the folder holding `nx.json`), found by walking up from the working directory and,
 * failing that, from this file: Vitest runs with each project's folder as working directory.
 */
export function findRepoRoot(): string {
  for (const start of [process.cwd(), dirname(fileURLToPath(import.meta.url))]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'nx.json'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`could not find the MindFlow repository root (a folder with nx.json) above ${process.cwd()}`);
}
