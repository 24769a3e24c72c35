// The network stance: everything is denied unless a policy allows it, and traffic from outside the
// namespace reaches only the public edge (gateway, SPA), apart from scraping ops ports and KEDA reading
// Kafka lag.
import { opsPort } from '../roles/roles.js';
import type { Problem } from '../report/problem.js';
import { at, list, record, stringsOf } from './object-paths.js';
import { kindOf, labelOf, type RenderedManifest } from './rendered-manifest.js';

/** Pods outside traffic may reach, and from which namespaces besides the ingress controller's. */
export const publicPods = ['gateway', 'client'];
const extraOutsidePeers: Record<string, string[]> = { kafka: ['keda'] };

export function networkProblems(manifests: readonly RenderedManifest[], kustomizationFile: string): Problem[] {
  const policies = manifests.filter((m) => kindOf(m) === 'NetworkPolicy');
  const problems: Problem[] = [];
  if (!manifests.some((m) => kindOf(m) === 'Deployment')) return problems;
  const denyAll = policies.some((p) => {
    const everyPod = Object.keys(record(at(p.object, 'spec.podSelector')) ?? { missing: true }).length === 0;
    const both = ['Ingress', 'Egress'].every((t) => list(at(p.object, 'spec.policyTypes')).includes(t));
    return everyPod && both && list(at(p.object, 'spec.ingress')).length === 0 && list(at(p.object, 'spec.egress')).length === 0;
  });
  if (!denyAll) problems.push({ file: kustomizationFile, message: 'no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)' });

  for (const policy of policies) {
    const selected = stringsOf(at(policy.object, 'spec.podSelector.matchLabels'))['app.kubernetes.io/name'];
    list(at(policy.object, 'spec.ingress')).forEach((rule, r) => {
      const ports = list(record(rule)?.['ports']).map((p) => record(p)?.['port']);
      const scrapingOnly = ports.length > 0 && ports.every((p) => p === opsPort || p === 'ops');
      list(record(rule)?.['from']).forEach((peer, f) => {
        const namespace = stringsOf(at(peer, 'namespaceSelector.matchLabels'))['kubernetes.io/metadata.name'];
        const outside = record(peer)?.['namespaceSelector'] !== undefined || record(peer)?.['ipBlock'] !== undefined;
        if (!outside || scrapingOnly) return;
        const allowed = (selected !== undefined && publicPods.includes(selected) && namespace !== undefined) ||
          (selected !== undefined && namespace !== undefined && (extraOutsidePeers[selected] ?? []).includes(namespace));
        if (!allowed) {
          problems.push({
            file: policy.file, object: labelOf(policy), field: `spec.ingress[${r}].from[${f}]`,
            message: `opens ${selected ?? 'every pod'} to traffic from outside the namespace: only ${publicPods.join(' and ')} may be reachable from the ingress`,
          });
        }
      });
    });
  }
  return problems;
}
