// Which package module holds the model (validator and TypeScript type) of an apiVersion: kubernetes-models
// for the built-in APIs, @kubernetes-models/keda for KEDA's CRDs.

const modules: Record<string, string> = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1': 'kubernetes-models/rbac.authorization.k8s.io/v1',
  'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1',
};

export function modelModule(apiVersion: string): string | undefined {
  return modules[apiVersion];
}

export const knownApiVersions = Object.keys(modules);
