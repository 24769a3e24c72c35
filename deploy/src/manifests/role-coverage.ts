// Every role of deploy/src/roles/roles.ts runs in the rendering: a Deployment (a Job for one-shots) of
// that name, the image that carries it, its bundle as the argument, its API port and Service; and nothing
// MindFlow runs is missing from the list.
import { bundleOf, clientWorkload, roles } from '../roles/roles.js';
import type { Problem } from '../report/problem.js';
import { at, list, record, textOf } from './object-paths.js';
import { kindOf, nameOf, type RenderedManifest } from './rendered-manifest.js';
import { isDatastore, workloadsOf } from './workloads.js';

export function roleCoverageProblems(manifests: readonly RenderedManifest[], kustomizationFile: string): Problem[] {
  const workloads = workloadsOf(manifests);
  if (workloads.length === 0) return [];
  const problems: Problem[] = [];
  const expected = [...roles.map((r) => ({ ...r, bundle: bundleOf(r) })), { ...clientWorkload, bundle: undefined, oneShot: false, pending: false }];
  for (const role of expected) {
    const kind = role.oneShot ? 'Job' : 'Deployment';
    const w = workloads.find((x) => x.kind === kind && x.name === role.name);
    if (!w) {
      problems.push({ file: kustomizationFile, message: `no ${kind} "${role.name}" for role ${role.name} (deploy/src/roles/roles.ts)` });
      continue;
    }
    const report = (field: string, message: string) => problems.push({ file: w.manifest.file, object: `${kind}/${w.name}`, field, message });
    const container = w.containers[0] ?? {};
    const path = `${w.podPath}.containers[0]`;
    const image = textOf(container['image'] ?? '');
    if (!new RegExp(`(^|/)mindflow/${role.image}(:|@|$)`).test(image)) report(`${path}.image`, `must be the mindflow/${role.image} image (the one that carries ${role.name})`);
    if (role.bundle && list(container['args'])[0] !== role.bundle) report(`${path}.args`, `must start with "${role.bundle}" (the role's bundle in the image)`);
    if (role.port) {
      const port = list(container['ports']).map(record).find((p) => p?.['name'] === role.port?.name);
      if (port?.['containerPort'] !== role.port.number) report(`${path}.ports`, `needs port "${role.port.name}" ${role.port.number}`);
      if (!manifests.some((m) => kindOf(m) === 'Service' && nameOf(m) === role.name)) report('metadata.name', `no Service "${role.name}" in front of it`);
    }
    if (role.pending && at(w.manifest.object, 'spec.replicas') !== 0) report('spec.replicas', 'must be 0 while the role is pending (its image does not carry it yet)');
  }
  const known = new Set(expected.map((r) => r.name));
  for (const w of workloads) {
    if (!isDatastore(w) && !known.has(w.name)) problems.push({ file: w.manifest.file, object: `${w.kind}/${w.name}`, message: 'not a known role: add it to deploy/src/roles/roles.ts (or label it app.kubernetes.io/component: datastore)' });
  }
  return problems;
}
