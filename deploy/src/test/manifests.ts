// Small valid objects for the validator's tests, each test breaking one thing.
import type { ManifestObject, RenderedManifest } from '../manifests/rendered-manifest.js';

export const at = (file: string, object: ManifestObject): RenderedManifest => ({ file, object: structuredClone(object) });

export function deployment(name: string, overrides: { replicas?: number; container?: Record<string, unknown>; labels?: Record<string, string> } = {}): ManifestObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      ...(overrides.replicas === undefined ? {} : { replicas: overrides.replicas }),
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name, ...overrides.labels } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 1000 },
          containers: [
            {
              name,
              image: `mindflow/${name}:1.0.0`,
              args: [`${name}.mjs`],
              ports: [{ name: 'http', containerPort: 4000 }, { name: 'ops', containerPort: 9464 }],
              env: [{ name: 'SECRET', valueFrom: { secretKeyRef: { name: 'mindflow-secrets', key: 'SECRET' } } }],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
              startupProbe: { httpGet: { path: '/health/live', port: 'ops' } },
              livenessProbe: { httpGet: { path: '/health/live', port: 'ops' } },
              readinessProbe: { httpGet: { path: '/health/ready', port: 'ops' } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              ...overrides.container,
            },
          ],
        },
      },
    },
  };
}

export function service(name: string, targetPort: string | number = 'http'): ManifestObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { 'app.kubernetes.io/name': name }, ports: [{ name: 'http', port: 4000, targetPort }] },
  };
}

export const secret: ManifestObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'mindflow-secrets' }, stringData: { SECRET: 'x' } };

export const denyAll: ManifestObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny' },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] },
};

export function ingressFrom(name: string, namespace: string, port: number): ManifestObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name },
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } }], ports: [{ protocol: 'TCP', port }] }],
    },
  };
}

export function scaledObject(target: string, metadata: Record<string, unknown>, maxReplicaCount = 6): ManifestObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: target },
    spec: { scaleTargetRef: { name: target }, minReplicaCount: 1, maxReplicaCount, triggers: [{ type: 'kafka', metadata }] },
  };
}

export const config: ManifestObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'mindflow-config-abc123' },
  data: { KAFKA_TOPIC_PREFIX: 'mindflow', KAFKA_TOPIC_PARTITIONS: '6' },
};
