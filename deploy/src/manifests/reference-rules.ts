// References between objects that the API server accepts dangling but that break at run time: Services
// that select no pod or name no container port, autoscalers and budgets without a target, Ingress backends,
// and ConfigMap/Secret keys the pods read (a Secret not rendered must be covered by a secrets template).
import type { Problem } from '../report/problem.js';
import { at, list, record, selects, stringsOf, textOf, type Json } from './object-paths.js';
import { kindOf, labelOf, nameOf, type RenderedManifest } from './rendered-manifest.js';
import { workloadsOf, type Workload } from './workloads.js';

/** A Secret known only from a template file (it is created outside kustomize, e.g. in production). */
export interface SecretTemplate {
  readonly file: string;
  readonly name: string;
  readonly keys: readonly string[];
}

export function referenceProblems(manifests: readonly RenderedManifest[], templates: readonly SecretTemplate[] = []): Problem[] {
  const problems: Problem[] = [];
  const report = (m: RenderedManifest, field: string, message: string) => problems.push({ file: m.file, object: labelOf(m), field, message });
  const workloads = workloadsOf(manifests);
  const byKind = (kind: string) => manifests.filter((m) => kindOf(m) === kind);
  const services = byKind('Service');

  for (const svc of services) {
    const selector = stringsOf(at(svc.object, 'spec.selector'));
    if (at(svc.object, 'spec.type') === 'ExternalName') continue;
    const targets = workloads.filter((w) => Object.keys(selector).length > 0 && selects(selector, w.podLabels));
    if (targets.length === 0) {
      report(svc, 'spec.selector', `selects no pod (${JSON.stringify(selector)})`);
      continue;
    }
    list(at(svc.object, 'spec.ports')).forEach((port, i) => {
      const target = record(port)?.['targetPort'] ?? record(port)?.['port'];
      const found = targets.some((w) => w.containers.some((c) => list(c['ports']).some((p) => record(p)?.[typeof target === 'string' ? 'name' : 'containerPort'] === target)));
      if (!found) report(svc, `spec.ports[${i}].targetPort`, `no container port ${JSON.stringify(target)} in ${targets.map((w) => w.name).join(', ')}`);
    });
  }

  const autoscaled = new Set<string>();
  for (const hpa of byKind('HorizontalPodAutoscaler')) {
    const target = targetOf(workloads, String(at(hpa.object, 'spec.scaleTargetRef.kind')), at(hpa.object, 'spec.scaleTargetRef.name'));
    if (!target) report(hpa, 'spec.scaleTargetRef', `no ${String(at(hpa.object, 'spec.scaleTargetRef.kind'))} named ${String(at(hpa.object, 'spec.scaleTargetRef.name'))}`);
    else autoscaled.add(target.name);
    const [min, max] = [Number(at(hpa.object, 'spec.minReplicas') ?? 1), Number(at(hpa.object, 'spec.maxReplicas'))];
    if (min > max) report(hpa, 'spec.minReplicas', `${min} is above maxReplicas ${max}`);
  }
  for (const so of byKind('ScaledObject')) {
    const target = targetOf(workloads, textOf(at(so.object, 'spec.scaleTargetRef.kind') ?? 'Deployment'), at(so.object, 'spec.scaleTargetRef.name'));
    if (!target) report(so, 'spec.scaleTargetRef.name', `no Deployment named ${String(at(so.object, 'spec.scaleTargetRef.name'))}`);
    else autoscaled.add(target.name);
    const [min, max] = [Number(at(so.object, 'spec.minReplicaCount') ?? 0), Number(at(so.object, 'spec.maxReplicaCount') ?? 100)];
    if (min > max) report(so, 'spec.minReplicaCount', `${min} is above maxReplicaCount ${max}`);
  }
  for (const w of workloads) {
    if (w.kind === 'Deployment' && autoscaled.has(w.name) && at(w.manifest.object, 'spec.replicas') !== undefined) {
      report(w.manifest, 'spec.replicas', 'set on an autoscaled Deployment: every apply would reset what the autoscaler chose; leave it out');
    }
  }

  for (const pdb of byKind('PodDisruptionBudget')) {
    const selector = stringsOf(at(pdb.object, 'spec.selector.matchLabels'));
    if (!workloads.some((w) => selects(selector, w.podLabels))) report(pdb, 'spec.selector', `selects no pod (${JSON.stringify(selector)})`);
  }

  for (const ingress of byKind('Ingress')) {
    list(at(ingress.object, 'spec.rules')).forEach((rule, r) =>
      list(at(rule, 'http.paths')).forEach((path, p) => {
        const backend = record(at(path, 'backend.service'));
        const field = `spec.rules[${r}].http.paths[${p}].backend.service`;
        const svc = services.find((s) => nameOf(s) === backend?.['name']);
        if (!svc) return report(ingress, `${field}.name`, `no Service named ${String(backend?.['name'])}`);
        const port = record(backend?.['port']);
        const exists = list(at(svc.object, 'spec.ports')).some((sp) => (port?.['name'] !== undefined ? record(sp)?.['name'] === port['name'] : record(sp)?.['port'] === port?.['number']));
        if (!exists) report(ingress, `${field}.port`, `Service ${nameOf(svc)} has no port ${JSON.stringify(port)}`);
      }),
    );
  }

  for (const w of workloads) problems.push(...configReferenceProblems(w, manifests, templates));
  return problems;
}

function targetOf(workloads: readonly Workload[], kind: string, name: unknown): Workload | undefined {
  return workloads.find((w) => w.kind === kind && w.name === name);
}

function configReferenceProblems(w: Workload, manifests: readonly RenderedManifest[], templates: readonly SecretTemplate[]): Problem[] {
  const problems: Problem[] = [];
  const check = (field: string, kind: 'ConfigMap' | 'Secret', name: unknown, key: unknown, optional: unknown) => {
    if (optional === true) return;
    const found = manifests.find((m) => kindOf(m) === kind && nameOf(m) === name);
    const keys = found ? [...Object.keys(record(found.object['data']) ?? {}), ...Object.keys(record(found.object['stringData']) ?? {})] : templates.find((t) => kind === 'Secret' && t.name === name)?.keys;
    const object = `${w.kind}/${w.name}`;
    if (!keys) problems.push({ file: w.manifest.file, object, field, message: `${kind} ${String(name)} is neither rendered nor covered by a secrets template` });
    else if (key !== undefined && !keys.includes(textOf(key))) problems.push({ file: w.manifest.file, object, field, message: `${kind} ${String(name)} has no key ${textOf(key)}` });
  };
  w.containers.forEach((c: Json, i) => {
    const path = `${w.podPath}.containers[${i}]`;
    list(c['env']).forEach((env, e) => {
      const cm = record(at(env, 'valueFrom.configMapKeyRef'));
      const secret = record(at(env, 'valueFrom.secretKeyRef'));
      if (cm) check(`${path}.env[${e}].valueFrom.configMapKeyRef`, 'ConfigMap', cm['name'], cm['key'], cm['optional']);
      if (secret) check(`${path}.env[${e}].valueFrom.secretKeyRef`, 'Secret', secret['name'], secret['key'], secret['optional']);
    });
    list(c['envFrom']).forEach((from, f) => {
      const cm = record(at(from, 'configMapRef'));
      const secret = record(at(from, 'secretRef'));
      if (cm) check(`${path}.envFrom[${f}].configMapRef`, 'ConfigMap', cm['name'], undefined, cm['optional']);
      if (secret) check(`${path}.envFrom[${f}].secretRef`, 'Secret', secret['name'], undefined, secret['optional']);
    });
  });
  list(w.pod['volumes']).forEach((volume, v) => {
    const cm = record(at(volume, 'configMap'));
    const secret = record(at(volume, 'secret'));
    if (cm) check(`${w.podPath}.volumes[${v}].configMap`, 'ConfigMap', cm['name'], undefined, cm['optional']);
    if (secret) check(`${w.podPath}.volumes[${v}].secret`, 'Secret', secret['secretName'], undefined, secret['optional']);
  });
  return problems;
}
