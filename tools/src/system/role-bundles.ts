// The roles as the images run them: each one bundled by deploy's bundler into one ES module, which Node loads in a
// fraction of the time tsx takes to compile and resolve the role's few thousand source modules (query-subgraph:
// 1.31 s to listening from source, 0.61 s bundled). The test tiers that start whole systems run them so
// (role-bundles.global-setup.ts); `npm start` and the drills run the sources unless MINDFLOW_ROLE_BUNDLES is set.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { bundledRoles, bundleRole, roles, type Role } from '@mindflow/deploy';
import { repoRoot } from '@mindflow/platform';

/** Names the folder of built role bundles; a ServiceProcess whose entry has a bundle there runs the bundle. */
export const roleBundlesVariable = 'MINDFLOW_ROLE_BUNDLES';

/** Where the test tiers keep them (git-ignored, like every other cache). */
export const defaultRoleBundlesDir = join(repoRoot, '.cache', 'role-bundles');

/**
 * Build outputs a role reads at run time that its bundle does not carry (the images copy them in, see
 * docker/node-role.Dockerfile): linked into the bundle's folder at the same relative place, so the bundle serves
 * what the repository last built (the gateway's GraphiQL playground: `nx run @mindflow/gateway:build`).
 */
const builtOutputs: Readonly<Record<string, readonly string[]>> = { gateway: ['gateway/dist/playground'] };

/** `<dir>/<bundle>.json`: where the current build of one bundle is, and what it was built from. */
interface Pointer {
  /** The bundle file, in a build folder of its own (`<dir>/builds/<time>-<pid>/<bundle>/`): never rebuilt in place. */
  readonly bundle: string;
  /**
   * Every file the bundle came from or carries (relative to the repository), with its size and mtime then; -1 for
   * one changed while the bundle was built (it may hold the file as it was before), so that it counts as changed.
   */
  readonly files: Record<string, readonly [size: number, mtimeMs: number]>;
}

/**
 * A file modified after this long before a build started may have been read before the change: the build takes
 * seconds to minutes (engineers edit meanwhile), and a file's mtime comes from a clock a tick behind Date.now().
 */
const changedDuringBuildMs = 1000;

const pointerOf = (dir: string, name: string) => join(dir, `${name}.json`);

async function fingerprint(files: readonly string[]): Promise<Pointer['files']> {
  const entries = await Promise.all(files.map(async (file) => {
    const info = await stat(join(repoRoot, file));
    return [file, [info.size, info.mtimeMs] as const] as const;
  }));
  return Object.fromEntries(entries);
}

function readPointer(dir: string, name: string): Pointer | undefined {
  try {
    return JSON.parse(readFileSync(pointerOf(dir, name), 'utf8')) as Pointer;
  } catch {
    return undefined;
  }
}

/** A bundle is current when it exists and every file it was built from still has the size and mtime it had. */
async function current(dir: string, name: string): Promise<boolean> {
  const pointer = readPointer(dir, name);
  if (!pointer || !existsSync(pointer.bundle)) return false;
  try {
    const now = await fingerprint(Object.keys(pointer.files));
    return Object.entries(pointer.files).every(([file, [size, mtime]]) => now[file]?.[0] === size && now[file]?.[1] === mtime);
  } catch {
    return false; // a file it came from is gone
  }
}

/**
 * Bundles every role whose bundle is missing or older than one of its files. A build goes to a folder of its own
 * and then the role's pointer (`<dir>/<bundle>.json`) is replaced atomically: a system another run started from
 * the previous build keeps it (a build no pointer names is removed a day after it last was one's, pruneBuilds).
 * Each build folder stands for the repository root at run time (deploy/src/bundle/import-meta-paths.ts): its
 * `.cache` links to the repository's, so a bundled role shares the dev signing keys and the local object store
 * with the sources and the tests. `only`: the roles to bundle (default every role with a bundle of its own; a test
 * of the builder gives a few). Returns the bundles it (re)built.
 */
export async function buildRoleBundles(
  dir = defaultRoleBundlesDir,
  log: (line: string) => void = () => undefined,
  only: readonly Role[] = bundledRoles(),
): Promise<string[]> {
  const wanted = only.filter((role) => existsSync(join(repoRoot, role.entry)) && !role.oneShot);
  const stale = (await Promise.all(wanted.map(async (role) => ((await current(dir, role.name)) ? undefined : role)))).filter((r) => r !== undefined);
  if (stale.length === 0) return [];
  const started = Date.now();
  const build = join(dir, 'builds', `${started}-${process.pid}`);
  await mkdir(build, { recursive: true });
  log(`role bundles: building ${stale.map((r) => r.name).join(', ')} into ${build}`);
  const built = await Promise.all(stale.map(async (role) => {
    const result = await bundleRole(role, { repoRoot, outRoot: build });
    await symlink(join(repoRoot, '.cache'), join(result.outDir, '.cache'), 'dir');
    for (const output of builtOutputs[role.name] ?? []) {
      await mkdir(dirname(join(result.outDir, output)), { recursive: true });
      await symlink(join(repoRoot, output), join(result.outDir, output), 'dir');
    }
    // Fingerprinted after the build (only then are its files known): one changed since the build started is
    // recorded as changed, else a bundle of the file as it was would pass for current until the file next changes.
    const files = Object.fromEntries(Object.entries(await fingerprint([...result.inputs, ...result.assets].filter((file) => existsSync(join(repoRoot, file)))))
      .map(([file, [size, mtime]]) => [file, mtime > started - changedDuringBuildMs ? [size, -1] as const : [size, mtime] as const]));
    const pointer: Pointer = { bundle: result.bundle, files };
    const next = `${pointerOf(dir, role.name)}.${process.pid}`;
    await writeFile(next, JSON.stringify(pointer));
    // The build this pointer named stops being current now: its day before pruning counts from here, not from when
    // it was built (a role unchanged for days, its system started a minute ago).
    const previous = readPointer(dir, role.name)?.bundle;
    if (previous) await utimes(buildOf(previous), new Date(), new Date()).catch(() => undefined);
    await rename(next, pointerOf(dir, role.name));
    return role.name;
  }));
  log(`role bundles: ${built.length} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await pruneBuilds(dir);
  return built;
}

/** The build folder of a bundle: `<dir>/builds/<time>-<pid>/<bundle>/<bundle>.mjs`. */
const buildOf = (bundle: string) => resolve(bundle, '..', '..');

/**
 * Removes the build folders no pointer of `dir` names (every role's, not only the ones just built) once a day has
 * passed since one last did (or since built, if none ever did): a system started from one may still run.
 */
async function pruneBuilds(dir: string): Promise<void> {
  const pointers = (await readdir(dir)).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length));
  const named = new Set(pointers.map((name) => readPointer(dir, name)?.bundle).filter((b) => b !== undefined).map(buildOf));
  const builds = join(dir, 'builds');
  for (const entry of await readdir(builds)) {
    const folder = join(builds, entry);
    if (named.has(folder)) continue;
    if (Date.now() - (await stat(folder)).mtimeMs > 24 * 3600_000) await rm(folder, { recursive: true, force: true });
  }
}

/** Removes the bundles (a test of the builder, or a clean slate). */
export async function removeRoleBundles(dir = defaultRoleBundlesDir): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * The bundle that runs `entry` (an absolute path of a role's main file) when `MINDFLOW_ROLE_BUNDLES` names a folder
 * of them, else undefined (run the source). Roles sharing an entry share its bundle (the relays).
 */
export function roleBundleFor(entry: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env[roleBundlesVariable];
  if (!dir) return undefined;
  const role = roles.find((r) => resolve(repoRoot, r.entry) === resolve(entry));
  if (!role) return undefined;
  const name = role.bundle ?? role.name;
  const bundle = readPointer(dir, name)?.bundle;
  if (!bundle || !existsSync(bundle)) throw new Error(`${roleBundlesVariable}=${dir} has no bundle for ${role.name}: build them with buildRoleBundles()`);
  return bundle;
}
