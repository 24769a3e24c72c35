// The playground's bundled files (gateway/tools/playground-bundle.ts writes them): read once, served from
// memory at /playground/assets/<name>. Their names carry a content hash, so browsers may keep them forever.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** gateway/dist/playground (git-ignored); the deploy bundle keeps the same place relative to itself. */
export const playgroundAssetsDir = join(import.meta.dirname, '..', '..', 'dist', 'playground');
export const playgroundManifestName = 'manifest.json';
export const playgroundAssetsPath = '/playground/assets/';

export interface PlaygroundManifest {
  /** Hash of the playground's own sources and bundler (the builder skips a build when they and `packages` match). */
  readonly stamp: string;
  /** Every npm package bundled (its folder, repo-relative) → its version then. */
  readonly packages?: Readonly<Record<string, string>>;
  /** The entry module, under assets/. */
  readonly script: string;
  readonly styles: readonly string[];
}

export interface PlaygroundAsset {
  readonly body: Buffer;
  /** The same, gzipped by the builder (scripts and stylesheets). */
  readonly gzipped?: Buffer;
  readonly contentType: string;
}

export interface PlaygroundAssets {
  readonly manifest: PlaygroundManifest;
  readonly files: ReadonlyMap<string, PlaygroundAsset>;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The built playground, or undefined when it has not been built (the page then says how to build it). */
export async function loadPlaygroundAssets(dir = playgroundAssetsDir): Promise<PlaygroundAssets | undefined> {
  let manifest: PlaygroundManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, playgroundManifestName), 'utf8')) as PlaygroundManifest;
  } catch {
    return undefined;
  }
  const files = new Map<string, PlaygroundAsset>();
  const names = await readdir(join(dir, 'assets'));
  for (const name of names) {
    const contentType = contentTypes[extname(name)];
    if (!contentType) continue;
    const gzipped = names.includes(`${name}.gz`) ? await readFile(join(dir, 'assets', `${name}.gz`)) : undefined;
    files.set(name, { body: await readFile(join(dir, 'assets', name)), contentType, ...(gzipped ? { gzipped } : {}) });
  }
  return { manifest, files };
}
