// A broken manifest is reported with its file, object and field — one test per kind of break.
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@mindflow/platform';
import { manifestProblems } from '../checks/k8s-check.js';
import { formatProblem, type Problem } from '../report/problem.js';
import { at, config, denyAll, deployment, ingressFrom, scaledObject, secret, service } from '../test/manifests.js';
import { kedaProblems } from './keda-rules.js';
import { networkProblems } from './network-rules.js';
import { parseRendered } from './render-kustomization.js';
import { referenceProblems } from './reference-rules.js';
import { roleCoverageProblems } from './role-coverage.js';
import { schemaProblems } from './schema-check.js';
import { unknownFieldProblems } from './unknown-fields.js';
import { isPinned, workloadProblems } from './workload-rules.js';

const file = 'k8s/base/gateway.yaml';
const lines = (problems: Problem[]) => problems.map(formatProblem);

describe('schema', () => {
  it('reports a wrong type with file, object and field', async () => {
    const broken = deployment('gateway');
    (broken['spec'] as Record<string, unknown>)['replicas'] = 'two';
    expect(lines(await schemaProblems([at(file, broken)]))).toEqual([`${file}: Deployment/gateway spec.replicas: must be of type integer`]);
  });

  it('reports a malformed quantity and a missing required field', async () => {
    const broken = deployment('gateway', { container: { resources: { limits: { cpu: 'lots' } } } });
    const problems = lines(await schemaProblems([at(file, broken), at(file, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{}] } })]));
    expect(problems).toContain(`${file}: Deployment/gateway spec.template.spec.containers[0].resources.limits.cpu: must be of type number or must be a quantity`);
    expect(problems).toContain(`${file}: Service/x spec.ports[0]: missing required field "port"`);
  });

  it('knows the KEDA ScaledObject schema, and says when it has none for a kind', async () => {
    const problems = lines(await schemaProblems([
      at('k8s/base/query-projector.yaml', scaledObject('query-projector', { lagThreshold: 5 })),
      at(file, { apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'old' } }),
    ]));
    expect(problems).toContain('k8s/base/query-projector.yaml: ScaledObject/query-projector spec.triggers[0].metadata.lagThreshold: must be of type string');
    expect(problems.some((p) => p.startsWith(`${file}: Deployment/old apiVersion: no schema for apps/v1beta1 Deployment`))).toBe(true);
  });

  it('accepts Secret data the way the API decodes it (base64 wrapped over lines)', async () => {
    const wrapped = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { URL: 'cG9zdGdyZXM6Ly9t\naW5kZmxvdw==\n' } };
    expect(await schemaProblems([at(file, wrapped)])).toEqual([]);
  });
});

describe('unknown fields', () => {
  it('finds a misspelt field at any depth, and leaves maps (labels, KEDA metadata) alone', () => {
    const broken = deployment('gateway', { container: { readinesProbe: { httpGet: { path: '/health/ready', port: 'ops' } }, livenessProbe: { httpGett: {} } }, labels: { 'any/label': 'fine' } });
    const so = scaledObject('query-projector', { anyKey: 'fine' });
    (so['spec'] as Record<string, unknown>)['bogus'] = 1;
    expect(lines(unknownFieldProblems([at(file, broken), at('k8s/base/q.yaml', so)], repoRoot))).toEqual([
      `${file}: Deployment/gateway spec.template.spec.containers[0].livenessProbe.httpGett: unknown field (not in the API schema: misspelt or misplaced?)`,
      `${file}: Deployment/gateway spec.template.spec.containers[0].readinesProbe: unknown field (not in the API schema: misspelt or misplaced?)`,
      'k8s/base/q.yaml: ScaledObject/query-projector spec.bogus: unknown field (not in the API schema: misspelt or misplaced?)',
    ]);
  });
});

describe('workloads', () => {
  it('requires the three probes on the ops endpoints, resources and a locked-down container', () => {
    const broken = deployment('gateway', {
      container: { readinessProbe: undefined, livenessProbe: { httpGet: { path: '/healthz', port: 8080 } }, resources: { requests: { cpu: '1', memory: '1Gi' } }, securityContext: {} },
    });
    const c = 'spec.template.spec.containers[0]';
    expect(lines(workloadProblems([at(file, broken)], { pinnedImages: false }))).toEqual([
      `${file}: Deployment/gateway ${c}.resources.limits.cpu: missing`,
      `${file}: Deployment/gateway ${c}.resources.limits.memory: missing`,
      `${file}: Deployment/gateway ${c}.securityContext.allowPrivilegeEscalation: must be false`,
      `${file}: Deployment/gateway ${c}.securityContext.capabilities.drop: must drop ALL`,
      `${file}: Deployment/gateway ${c}.securityContext.readOnlyRootFilesystem: must be true (write to an emptyDir where needed)`,
      `${file}: Deployment/gateway ${c}.livenessProbe.httpGet.path: must be /health/live`,
      `${file}: Deployment/gateway ${c}.livenessProbe.httpGet.port: must be the ops port ("ops" or 9464)`,
      `${file}: Deployment/gateway ${c}.readinessProbe: missing`,
    ]);
  });

  it('wants pinned images in overlays', () => {
    expect(lines(workloadProblems([at(file, deployment('gateway', { container: { image: 'mindflow/gateway:latest' } }))], { pinnedImages: true }))).toEqual([
      `${file}: Deployment/gateway spec.template.spec.containers[0].image: "mindflow/gateway:latest" is not pinned: give a version tag (not latest) or a digest`,
    ]);
    expect([isPinned('registry.example.com:5000/mindflow/gateway:0.1.0'), isPinned('registry.example.com:5000/mindflow/gateway'), isPinned('a@sha256:ab')]).toEqual([true, false, true]);
  });
});

describe('references', () => {
  it('finds Services without pods or ports, autoscaler targets, replicas under an autoscaler, missing secret keys', () => {
    const hpa = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'gateway' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' }, minReplicas: 2, maxReplicas: 4 } };
    const orphan = { ...hpa, metadata: { name: 'ghost' }, spec: { ...hpa.spec, scaleTargetRef: { ...hpa.spec.scaleTargetRef, name: 'ghost' } } };
    const problems = lines(referenceProblems([
      at(file, deployment('gateway', { replicas: 2 })),
      at(file, service('gateway', 'metrics')),
      at('k8s/base/x.yaml', service('nothing')),
      at(file, hpa),
      at('k8s/base/ghost.yaml', orphan),
    ]));
    expect(problems).toEqual([
      `${file}: Service/gateway spec.ports[0].targetPort: no container port "metrics" in gateway`,
      'k8s/base/x.yaml: Service/nothing spec.selector: selects no pod ({"app.kubernetes.io/name":"nothing"})',
      'k8s/base/ghost.yaml: HorizontalPodAutoscaler/ghost spec.scaleTargetRef: no Deployment named ghost',
      `${file}: Deployment/gateway spec.replicas: set on an autoscaled Deployment: every apply would reset what the autoscaler chose; leave it out`,
      `${file}: Deployment/gateway spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef: Secret mindflow-secrets is neither rendered nor covered by a secrets template`,
    ]);
  });

  it('takes secret keys from a rendered Secret or from a template', () => {
    const gateway = at(file, deployment('gateway'));
    expect(referenceProblems([gateway, at(file, secret)])).toEqual([]);
    expect(referenceProblems([gateway], [{ file: 'k8s/overlays/prod/secrets.template.yaml', name: 'mindflow-secrets', keys: ['SECRET'] }])).toEqual([]);
    expect(lines(referenceProblems([gateway], [{ file: 't.yaml', name: 'mindflow-secrets', keys: ['OTHER'] }]))).toEqual([
      `${file}: Deployment/gateway spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef: Secret mindflow-secrets has no key SECRET`,
    ]);
  });
});

describe('network', () => {
  it('requires a default deny and keeps outside traffic to the gateway and the SPA', () => {
    const workloads = [at(file, deployment('gateway')), at('k8s/base/command.yaml', deployment('command'))];
    expect(lines(networkProblems(workloads, 'k8s/base/kustomization.yaml'))).toEqual([
      'k8s/base/kustomization.yaml: no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)',
    ]);
    const policies = [at('k8s/base/n.yaml', denyAll), at(file, ingressFrom('gateway', 'ingress-nginx', 4000)), at('k8s/base/command.yaml', ingressFrom('command', 'ingress-nginx', 50051)), at('k8s/base/command.yaml', { ...ingressFrom('command', 'monitoring', 9464), metadata: { name: 'scrape' } })];
    expect(lines(networkProblems([...workloads, ...policies], 'k8s/base/kustomization.yaml'))).toEqual([
      'k8s/base/command.yaml: NetworkPolicy/command spec.ingress[0].from[0]: opens command to traffic from outside the namespace: only gateway and client may be reachable from the ingress',
    ]);
  });
});

describe('KEDA', () => {
  it('checks Kafka trigger parameters against the scaler and the services configuration', () => {
    const so = scaledObject('query-projector', { bootstrapServers: 'kafka:9092', consumerGroup: 'projector', lagTreshold: '10', allowIdleConsumers: 'yes' }, 12);
    expect(lines(kedaProblems([at('k8s/base/q.yaml', so), at('k8s/base/kustomization.yaml', config)]))).toEqual([
      'k8s/base/q.yaml: ScaledObject/query-projector spec.triggers[0].metadata.lagTreshold: not a parameter of the KEDA Kafka scaler',
      'k8s/base/q.yaml: ScaledObject/query-projector spec.triggers[0].metadata.allowIdleConsumers: must be "true" or "false"',
      'k8s/base/q.yaml: ScaledObject/query-projector spec.triggers[0].metadata.consumerGroup: the query-projector consumes as group "mindflow.query-projector" (KAFKA_TOPIC_PREFIX + role), not "projector"',
      'k8s/base/q.yaml: ScaledObject/query-projector spec.maxReplicaCount: 12 consumers for 6 partitions per topic (KAFKA_TOPIC_PARTITIONS): the extra ones would idle',
    ]);
  });
});

describe('roles', () => {
  it('names the roles without a Deployment and the Deployments of no role', () => {
    const problems = lines(roleCoverageProblems([at(file, deployment('gateway')), at('k8s/base/x.yaml', deployment('mystery'))], 'k8s/base/kustomization.yaml'));
    expect(problems).toContain('k8s/base/kustomization.yaml: no Deployment "command" for role command (deploy/src/roles/roles.ts)');
    expect(problems).toContain('k8s/base/kustomization.yaml: no Job "migrate" for role migrate (deploy/src/roles/roles.ts)');
    expect(problems).toContain(`${file}: Deployment/gateway metadata.name: no Service "gateway" in front of it`);
    expect(problems).toContain('k8s/base/x.yaml: Deployment/mystery: not a known role: add it to deploy/src/roles/roles.ts (or label it app.kubernetes.io/component: datastore)');
  });
});

describe('rendered output', () => {
  it('attributes each object to its source file through the origin annotation, then drops it', () => {
    const rendered = [
      'apiVersion: v1\nkind: Service\nmetadata:\n  annotations:\n    config.kubernetes.io/origin: |\n      path: ../../base/gateway.yaml\n  name: gateway',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    config.kubernetes.io/origin: |\n      configuredIn: kustomization.yaml\n      configuredBy:\n        kind: ConfigMapGenerator\n  name: c',
    ].join('\n---\n');
    const { manifests } = parseRendered(rendered, 'k8s/overlays/dev');
    expect(manifests.map((m) => [m.file, m.object.metadata])).toEqual([
      ['k8s/base/gateway.yaml', { name: 'gateway' }],
      ['k8s/overlays/dev/kustomization.yaml', { name: 'c' }],
    ]);
  });
});

describe('all checks together', () => {
  it('let a valid pair through the rules that apply to it', async () => {
    const problems = await manifestProblems([at(file, deployment('gateway')), at(file, service('gateway')), at(file, secret), at('k8s/base/n.yaml', denyAll)], repoRoot, { kustomizationFile: 'k8s/base/kustomization.yaml', overlay: true });
    expect(problems.filter((p) => !p.message.includes('deploy/src/roles/roles.ts'))).toEqual([]);
  });
});
