// k8s/: every kustomization rendered by a real kustomize, every object validated against its schema and
// for unknown fields, then the deployment rules (workloads, references, network, KEDA, roles).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findKubectl } from '../kubectl/kubectl.js';
import { kedaProblems } from '../manifests/keda-rules.js';
import { networkProblems } from '../manifests/network-rules.js';
import { record } from '../manifests/object-paths.js';
import { referenceProblems, type SecretTemplate } from '../manifests/reference-rules.js';
import { kustomizationDirs, renderKustomization } from '../manifests/render-kustomization.js';
import type { RenderedManifest } from '../manifests/rendered-manifest.js';
import { roleCoverageProblems } from '../manifests/role-coverage.js';
import { schemaProblems } from '../manifests/schema-check.js';
import { unknownFieldProblems } from '../manifests/unknown-fields.js';
import { workloadProblems } from '../manifests/workload-rules.js';
import type { Problem } from '../report/problem.js';

export interface K8sCheck {
  readonly problems: Problem[];
  readonly kubectl: string;
  /** Objects per rendered kustomization. */
  readonly rendered: Record<string, number>;
}

export async function checkK8s(repoRoot: string, k8sDir = 'k8s'): Promise<K8sCheck> {
  const kubectl = await findKubectl();
  const problems: Problem[] = [];
  const rendered: Record<string, number> = {};
  const templates = await secretTemplates(repoRoot, k8sDir);
  problems.push(...templates.problems);
  problems.push(...(await schemaProblems(templates.manifests)), ...unknownFieldProblems(templates.manifests, repoRoot));
  for (const dir of await kustomizationDirs(repoRoot, k8sDir)) {
    const rendering = await renderKustomization(kubectl.path, repoRoot, dir, k8sDir);
    rendered[dir] = rendering.manifests.length;
    problems.push(...rendering.problems, ...(await manifestProblems(rendering.manifests, repoRoot, { kustomizationFile: `${dir}/kustomization.yaml`, overlay: dir !== `${k8sDir}/base`, templates: templates.templates })));
  }
  return { problems, kubectl: kubectl.description, rendered };
}

/** Every check that looks at one rendering (exported for tests, which hand it objects directly). */
export async function manifestProblems(
  manifests: readonly RenderedManifest[],
  repoRoot: string,
  options: { kustomizationFile: string; overlay: boolean; templates?: readonly SecretTemplate[] },
): Promise<Problem[]> {
  return [
    ...(await schemaProblems(manifests)),
    ...unknownFieldProblems(manifests, repoRoot),
    ...workloadProblems(manifests, { pinnedImages: options.overlay }),
    ...referenceProblems(manifests, options.templates),
    ...networkProblems(manifests, options.kustomizationFile),
    ...kedaProblems(manifests),
    ...roleCoverageProblems(manifests, options.kustomizationFile),
  ];
}

/** `*.template.yaml` under k8s/: Secrets created outside kustomize; their keys satisfy secretKeyRefs. */
async function secretTemplates(repoRoot: string, k8sDir: string): Promise<{ templates: SecretTemplate[]; manifests: RenderedManifest[]; problems: Problem[] }> {
  const templates: SecretTemplate[] = [];
  const manifests: RenderedManifest[] = [];
  const problems: Problem[] = [];
  const files = (await readdir(join(repoRoot, k8sDir), { recursive: true })).filter((f) => f.endsWith('.template.yaml'));
  for (const relative of files.sort()) {
    const file = `${k8sDir}/${relative}`;
    for (const document of parseAllDocuments(await readFile(join(repoRoot, file), 'utf8'))) {
      const object = document.toJS() as RenderedManifest['object'] | null;
      if (document.errors.length > 0 || !object) {
        problems.push({ file, message: `not YAML: ${document.errors[0]?.message ?? 'empty'}` });
        continue;
      }
      manifests.push({ file, object });
      if (object.kind === 'Secret') {
        const keys = [...Object.keys(record(object['stringData']) ?? {}), ...Object.keys(record(object['data']) ?? {})];
        templates.push({ file, name: String(object.metadata?.name), keys });
      }
    }
  }
  return { templates, manifests, problems };
}
