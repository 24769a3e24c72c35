// The pod-carrying objects of a rendering (Deployments, StatefulSets, Jobs), with their pod template.
import { at, list, record, stringsOf, type Json } from './object-paths.js';
import { kindOf, nameOf, type RenderedManifest } from './rendered-manifest.js';

export interface Workload {
  readonly manifest: RenderedManifest;
  readonly kind: string;
  readonly name: string;
  /** Field path of the pod spec within the object. */
  readonly podPath: string;
  readonly podLabels: Record<string, string>;
  readonly pod: Json;
  readonly containers: Json[];
}

const podPaths: Record<string, string> = { Deployment: 'spec.template', StatefulSet: 'spec.template', Job: 'spec.template', DaemonSet: 'spec.template' };

export function workloadsOf(manifests: readonly RenderedManifest[]): Workload[] {
  const workloads: Workload[] = [];
  for (const manifest of manifests) {
    const templatePath = podPaths[kindOf(manifest)];
    if (!templatePath) continue;
    const template = at(manifest.object, templatePath);
    const pod = record(at(template, 'spec')) ?? {};
    workloads.push({
      manifest,
      kind: kindOf(manifest),
      name: nameOf(manifest),
      podPath: `${templatePath}.spec`,
      podLabels: stringsOf(at(template, 'metadata.labels')),
      pod,
      containers: list(pod['containers']).map((c) => record(c) ?? {}),
    });
  }
  return workloads;
}

/** MindFlow's own processes, as opposed to the dev datastores. */
export const isDatastore = (w: Workload) => w.podLabels['app.kubernetes.io/component'] === 'datastore';
