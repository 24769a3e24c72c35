// A bundle is one file, so `import.meta.dirname` would point every module at the bundle's folder. Our own
// modules locate their files (migrations, .proto, schema.graphql, supergraph) relative to themselves, so
// each one's `import.meta` paths are rewritten to where that module sat in the repository, re-rooted at the
// bundle's folder; the bundler copies those files to the same relative places. No service code changes.
import { readFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';

/** Helpers every bundle starts with (names unlikely to clash with bundled code). */
export const runtimeBanner = [
  "import { createRequire as __mfCreateRequire } from 'node:module';",
  "import { dirname as __mfDirname, join as __mfJoin } from 'node:path';",
  "import { fileURLToPath as __mfFileURLToPath, pathToFileURL as __mfPathToFileURL } from 'node:url';",
  // The bundle's folder stands for the repository root.
  'const __mfRoot = __mfDirname(__mfFileURLToPath(import.meta.url));',
  'const __mfPath = (p) => __mfJoin(__mfRoot, p);',
  // CommonJS dependencies inlined into an ES module still call require() on built-ins and read __dirname.
  'const require = __mfCreateRequire(import.meta.url);',
  'const __filename = __mfFileURLToPath(import.meta.url);',
  'const __dirname = __mfRoot;',
].join('\n');

const importMeta = /\bimport\.meta\.(dirname|filename|url)\b/g;

/** Rewrites `import.meta.{dirname,filename,url}` of one module at `file` (absolute) under `repoRoot`. */
export function rewriteImportMeta(source: string, file: string, repoRoot: string): string {
  const rel = relative(repoRoot, file).split(sep).join('/');
  const dir = dirname(rel);
  return source.replace(importMeta, (_, key: string) => {
    if (key === 'dirname') return `__mfPath(${JSON.stringify(dir)})`;
    if (key === 'filename') return `__mfPath(${JSON.stringify(rel)})`;
    return `__mfPathToFileURL(__mfPath(${JSON.stringify(rel)})).href`;
  });
}

/** The esbuild plugin: applies `rewriteImportMeta` to the workspace's own TypeScript (never node_modules). */
export function importMetaPathsPlugin(repoRoot: string): Plugin {
  return {
    name: 'mindflow-import-meta-paths',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.')) return undefined;
        return { contents: rewriteImportMeta(source, args.path, repoRoot), loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}
