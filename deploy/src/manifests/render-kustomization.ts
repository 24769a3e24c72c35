// `kubectl kustomize <dir>` with the source file of every object: the k8s/ tree is copied aside, each
// kustomization gets `buildMetadata: [originAnnotations]`, and the origin annotation (stripped again)
// names the file an object came from, so a problem points at the YAML to edit, not at rendered output.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, relative } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import type { Problem } from '../report/problem.js';
import type { ManifestObject, RenderedManifest } from './rendered-manifest.js';

const run = promisify(execFile);
const originAnnotation = 'config.kubernetes.io/origin';

export interface Rendering {
  /** Repository-relative kustomization folder, e.g. `k8s/overlays/dev`. */
  readonly dir: string;
  readonly manifests: RenderedManifest[];
  readonly problems: Problem[];
}

/** Every folder under `k8sDir` (repository-relative) holding a kustomization.yaml. */
export async function kustomizationDirs(repoRoot: string, k8sDir = 'k8s'): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(join(repoRoot, dir), { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === 'kustomization.yaml')) found.push(dir);
    for (const e of entries) if (e.isDirectory()) await walk(`${dir}/${e.name}`);
  };
  await walk(k8sDir);
  return found.sort();
}

export async function renderKustomization(kubectl: string, repoRoot: string, dir: string, k8sDir = 'k8s'): Promise<Rendering> {
  const work = await mkdtemp(join(tmpdir(), 'mindflow-kustomize-'));
  try {
    await cp(join(repoRoot, k8sDir), join(work, k8sDir), { recursive: true });
    for (const kustomization of await kustomizationDirs(work, k8sDir)) {
      const file = join(work, kustomization, 'kustomization.yaml');
      const text = await readFile(file, 'utf8');
      if (!/^buildMetadata:/m.test(text)) await writeFile(file, `${text.trimEnd()}\nbuildMetadata: [originAnnotations]\n`);
    }
    let stdout: string;
    try {
      ({ stdout } = await run(kubectl, ['kustomize', join(work, dir)], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }));
    } catch (error) {
      // execFile's error carries the child's stderr (a string); an error without one, its own message.
      const { stderr: output } = error as { stderr?: unknown };
      const stderr = (typeof output === 'string' ? output : (error as Error).message).split(work + '/').join('');
      return { dir, manifests: [], problems: [{ file: `${dir}/kustomization.yaml`, message: `kustomize failed: ${stderr.trim()}` }] };
    }
    return parseRendered(stdout, dir);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Splits rendered YAML into objects and attributes each to its source file (exported for tests). */
export function parseRendered(yamlText: string, dir: string): Rendering {
  const manifests: RenderedManifest[] = [];
  const problems: Problem[] = [];
  for (const document of parseAllDocuments(yamlText)) {
    if (document.errors.length > 0) {
      problems.push({ file: `${dir}/kustomization.yaml`, message: `rendered output is not YAML: ${document.errors[0]?.message}` });
      continue;
    }
    const object = document.toJS() as ManifestObject | null;
    if (!object) continue;
    manifests.push({ file: sourceFile(object, dir), object });
  }
  return { dir, manifests, problems };
}

function sourceFile(object: ManifestObject, dir: string): string {
  const annotations = object.metadata?.annotations;
  const origin = annotations?.[originAnnotation];
  if (annotations) {
    delete annotations[originAnnotation];
    if (Object.keys(annotations).length === 0 && object.metadata) delete object.metadata.annotations;
  }
  const path = origin?.match(/^path: (.+)$/m)?.[1] ?? origin?.match(/^configuredIn: (.+)$/m)?.[1];
  return path ? relative('.', normalize(join(dir, path.trim()))) : `${dir}/kustomization.yaml`;
}
