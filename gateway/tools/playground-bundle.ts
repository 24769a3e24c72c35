// Bundles the playground (gateway/playground/: GraphiQL 5, React 19, Monaco and its workers) into static
// files the gateway serves from /playground/assets/ (src/playground/playground-assets.ts). Nothing comes from
// a CDN. esbuild's output is deterministic; the folder records what went in (a hash of this file and the
// playground's sources, and the version of every npm package bundled), so the build runs once per change of
// those, not per start, and not when an unrelated dependency of the repository changes.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { playgroundAssetsDir, playgroundManifestName, type PlaygroundManifest } from '../src/playground/playground-assets.js';

const gatewayRoot = join(import.meta.dirname, '..');
const repoRoot = join(gatewayRoot, '..');
const sourceDir = join(gatewayRoot, 'playground');

/** Monaco's workers (the labels Monaco asks for → their entry), each one classic worker script. */
const workerEntries = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
} as const;

const common = {
  absWorkingDir: repoRoot,
  bundle: true,
  minify: true,
  platform: 'browser',
  target: ['chrome120', 'firefox120', 'safari17'],
  // React's production build; the playground never reads other variables.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Licences of the bundled packages, kept beside the bundles (their terms ask for it) instead of inline.
  legalComments: 'linked',
  metafile: true,
  logLevel: 'silent',
} as const satisfies BuildOptions;

/**
 * Monaco's modules import their own CSS; graphiql/style.css already holds all of it (its icon font inlined).
 * Left in, esbuild would write it again per lazily loaded chunk, in files no page loads.
 */
const monacoCssFromGraphiQL: Plugin = {
  name: 'monaco-css-from-graphiql',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      /[\\/]node_modules[\\/]monaco-editor[\\/]/.test(args.importer) ? { path: args.path, namespace: 'monaco-css' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'monaco-css' }, () => ({ contents: '', loader: 'css' }));
  },
};

const gzipped = promisify(gzip);

export interface PlaygroundBuild {
  readonly built: boolean;
  readonly ms: number;
  readonly files: number;
  readonly bytes: number;
  readonly dir: string;
}

/** Our own part of the bundle (this file, the playground's sources): a change to any of it makes a new build. */
export async function playgroundStamp(): Promise<string> {
  const hash = createHash('sha256');
  const sources = (await readdir(sourceDir)).filter((f) => /\.(ts|tsx|json)$/.test(f)).sort();
  for (const file of [join(import.meta.dirname, 'playground-bundle.ts'), ...sources.map((f) => join(sourceDir, f))]) {
    hash.update(relative(repoRoot, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The installed version of a package folder (repo-relative), or undefined when it is gone. */
async function installedVersion(packageDir: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(join(repoRoot, packageDir, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Whether `dir` holds the bundle of these sources and of the packages installed now. */
async function isUpToDate(dir: string, stamp: string): Promise<boolean> {
  let manifest: PlaygroundManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, playgroundManifestName), 'utf8')) as PlaygroundManifest;
  } catch {
    return false;
  }
  if (manifest.stamp !== stamp || !manifest.packages) return false;
  const versions = await Promise.all(Object.entries(manifest.packages).map(async ([p, v]) => (await installedVersion(p)) === v));
  return versions.every(Boolean);
}

/** Every npm package folder esbuild read from (nested node_modules included), with its version. */
async function bundledPackages(...metafiles: Metafile[]): Promise<Record<string, string>> {
  const dirs = new Set<string>();
  for (const input of metafiles.flatMap((m) => Object.keys(m.inputs))) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]!);
  }
  const entries = await Promise.all([...dirs].sort().map(async (d) => [d, (await installedVersion(d)) ?? '?'] as const));
  return Object.fromEntries(entries);
}

/** Builds into `dir` unless it already holds the build of the current sources. */
export async function ensurePlaygroundBundle(options: { dir?: string; force?: boolean; log?: (line: string) => void } = {}): Promise<PlaygroundBuild> {
  const dir = options.dir ?? playgroundAssetsDir;
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const stamp = await playgroundStamp();
  if (!options.force && (await isUpToDate(dir, stamp))) {
    const { files, bytes } = await sizeOf(dir);
    return { built: false, ms: performance.now() - started, files, bytes, dir };
  }
  log(`playground: bundling GraphiQL into ${relative(repoRoot, dir) || dir} (once per change of its sources or of a bundled package)…`);
  // Built aside and renamed into place: a gateway starting meanwhile sees the old bundle or the new one.
  const temp = `${dir}.${process.pid}.tmp`;
  await rm(temp, { recursive: true, force: true });
  const assets = join(temp, 'assets');
  await mkdir(assets, { recursive: true });
  try {
    const workers = await build({
      ...common,
      entryPoints: Object.entries(workerEntries).map(([label, entry]) => ({ in: entry, out: label })),
      outdir: assets,
      entryNames: '[name].worker-[hash]',
      format: 'iife',
    });
    const workerFiles = Object.fromEntries(Object.keys(workerEntries).map((label) => [label, outputFor(workers.metafile, label, temp)]));
    const app = await build({
      ...common,
      entryPoints: [{ in: join(sourceDir, 'main.tsx'), out: 'playground' }],
      outdir: assets,
      entryNames: '[name]-[hash]',
      chunkNames: 'chunk-[hash]',
      assetNames: '[name]-[hash]',
      format: 'esm',
      splitting: true, // prettier (the prettify button) and Monaco's GraphQL mode load when first needed
      jsx: 'automatic',
      plugins: [monacoCssFromGraphiQL],
      // GraphiQL's prettify imports these names, which prettier maps to its UMD builds: esbuild cannot see
      // their named exports (`parsers`), so prettify would fail. The ES module builds export them.
      alias: { 'prettier/parser-graphql': 'prettier/plugins/graphql', 'prettier/parser-babel': 'prettier/plugins/babel' },
      define: { ...common.define, __PLAYGROUND_WORKERS__: JSON.stringify(workerFiles) },
    });
    const entry = Object.entries(app.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('playground/main.tsx'));
    if (!entry) throw new Error('playground: esbuild produced no entry script');
    const manifest: PlaygroundManifest = {
      stamp,
      packages: await bundledPackages(workers.metafile, app.metafile),
      script: basename(entry[0]),
      styles: entry[1].cssBundle ? [basename(entry[1].cssBundle)] : [],
    };
    // A lazily loaded chunk whose CSS all came from Monaco (above) is left an empty stylesheet: dropped.
    for (const [output, { bytes }] of Object.entries(app.metafile.outputs)) if (output.endsWith('.css') && bytes === 0) await rm(join(repoRoot, output));
    // Gzipped once here (level 9), sent to browsers that accept it: 6.5 MiB of scripts become about a quarter.
    for (const name of await readdir(assets)) {
      if (!/\.(js|css)$/.test(name)) continue;
      await writeFile(join(assets, `${name}.gz`), await gzipped(await readFile(join(assets, name)), { level: constants.Z_BEST_COMPRESSION }));
    }
    await writeFile(join(temp, playgroundManifestName), `${JSON.stringify(manifest, null, 2)}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    // Another process may have finished the same build first.
    if (!(await isUpToDate(dir, stamp))) throw error;
  }
  const { files, bytes } = await sizeOf(dir);
  const ms = performance.now() - started;
  log(`playground: bundled in ${(ms / 1000).toFixed(1)} s: ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
  return { built: true, ms, files, bytes, dir };
}

/** The file name an entry was written to (under assets/). */
function outputFor(metafile: Metafile, label: string, temp: string): string {
  const output = Object.keys(metafile.outputs).find((o) => basename(o).startsWith(`${label}.worker-`) && o.endsWith('.js'));
  if (!output) throw new Error(`playground: no output for the ${label} worker in ${temp}`);
  return basename(output);
}

async function sizeOf(dir: string): Promise<{ files: number; bytes: number }> {
  const assets = join(dir, 'assets');
  if (!existsSync(assets)) return { files: 0, bytes: 0 };
  const names = (await readdir(assets)).filter((n) => !n.endsWith('.gz'));
  const sizes = await Promise.all(names.map(async (n) => (await stat(join(assets, n))).size));
  return { files: names.length, bytes: sizes.reduce((a, b) => a + b, 0) };
}
