// What every pod MindFlow runs must have, beyond the schema: resource requests and limits, the three probes
// on the ops endpoints, a non-root and locked-down security context, and pinned images in overlays.
import { opsPort } from '../roles/roles.js';
import type { Problem } from '../report/problem.js';
import { at, list, record, type Json } from './object-paths.js';
import type { RenderedManifest } from './rendered-manifest.js';
import { isDatastore, workloadsOf, type Workload } from './workloads.js';

const probePaths = { startupProbe: '/health/live', livenessProbe: '/health/live', readinessProbe: '/health/ready' } as const;

export function workloadProblems(manifests: readonly RenderedManifest[], options: { pinnedImages: boolean }): Problem[] {
  const problems: Problem[] = [];
  for (const w of workloadsOf(manifests)) {
    const report = (field: string, message: string) => problems.push({ file: w.manifest.file, object: `${w.kind}/${w.name}`, field, message });
    podRules(w, report);
    w.containers.forEach((container, i) => containerRules(w, container, `${w.podPath}.containers[${i}]`, options, report));
  }
  return problems;
}

type Report = (field: string, message: string) => void;

function podRules(w: Workload, report: Report): void {
  const nonRoot = at(w.pod, 'securityContext.runAsNonRoot') === true || (w.containers.length > 0 && w.containers.every((c) => at(c, 'securityContext.runAsNonRoot') === true));
  if (!nonRoot) report(`${w.podPath}.securityContext.runAsNonRoot`, 'must be true (pod or every container)');
  if (w.containers.length === 0) report(`${w.podPath}.containers`, 'no containers');
  if (!isDatastore(w) && w.pod['automountServiceAccountToken'] !== false) {
    report(`${w.podPath}.automountServiceAccountToken`, 'must be false: no MindFlow process talks to the Kubernetes API');
  }
}

function containerRules(w: Workload, c: Json, path: string, options: { pinnedImages: boolean }, report: Report): void {
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory'] as const) {
      if (at(c, `resources.${kind}.${resource}`) === undefined) report(`${path}.resources.${kind}.${resource}`, 'missing');
    }
  }
  if (at(c, 'securityContext.allowPrivilegeEscalation') !== false) report(`${path}.securityContext.allowPrivilegeEscalation`, 'must be false');
  if (!list(at(c, 'securityContext.capabilities.drop')).includes('ALL')) report(`${path}.securityContext.capabilities.drop`, 'must drop ALL');
  if (!isDatastore(w) && at(c, 'securityContext.readOnlyRootFilesystem') !== true) {
    report(`${path}.securityContext.readOnlyRootFilesystem`, 'must be true (write to an emptyDir where needed)');
  }
  const image = typeof c['image'] === 'string' ? c['image'] : '';
  if (!image) report(`${path}.image`, 'missing');
  else if (options.pinnedImages && !isPinned(image)) report(`${path}.image`, `"${image}" is not pinned: give a version tag (not latest) or a digest`);
  if (w.kind === 'Job') return;
  for (const probe of Object.keys(probePaths) as (keyof typeof probePaths)[]) {
    const spec = record(c[probe]);
    if (!spec) {
      report(`${path}.${probe}`, 'missing');
      continue;
    }
    if (isDatastore(w)) continue;
    // MindFlow processes answer on their ops server: live for start-up and liveness, ready for readiness.
    if (at(spec, 'httpGet.path') !== probePaths[probe]) report(`${path}.${probe}.httpGet.path`, `must be ${probePaths[probe]}`);
    const port = at(spec, 'httpGet.port');
    if (port !== 'ops' && port !== opsPort) report(`${path}.${probe}.httpGet.port`, `must be the ops port ("ops" or ${opsPort})`);
  }
  if (!isDatastore(w)) {
    const ops = list(c['ports']).map(record).find((p) => p?.['name'] === 'ops');
    if (ops?.['containerPort'] !== opsPort) report(`${path}.ports`, `needs a port named "ops" on ${opsPort} (probes and scraping)`);
  }
}

/** `name:1.2.3`, `registry/name:tag`, `name@sha256:…` — and not `:latest`. */
export function isPinned(image: string): boolean {
  if (image.includes('@sha256:')) return true;
  const tag = image.slice(image.lastIndexOf('/') + 1).split(':')[1];
  return tag !== undefined && tag !== '' && tag !== 'latest';
}
