/** Go struct field order (k8s.io/api) of the policy, networking, scheduling and RBAC types. */
import type { Shape } from './structorder';

const TOP = ['kind', 'apiVersion', 'metadata'];

export const MORE_SHAPES: Record<string, Shape> = {
  PodDisruptionBudget: {
    fields: [...TOP, 'spec', 'status'],
    children: { metadata: 'ObjectMeta', spec: 'PDBSpec', status: 'PDBStatus' },
  },
  PDBSpec: {
    fields: ['minAvailable', 'selector', 'maxUnavailable', 'unhealthyPodEvictionPolicy'],
    children: { selector: 'LabelSelector' },
  },
  PDBStatus: {
    fields: [
      'observedGeneration',
      'disruptedPods',
      'disruptionsAllowed',
      'currentHealthy',
      'desiredHealthy',
      'expectedPods',
      'conditions',
    ],
  },
  Ingress: {
    fields: [...TOP, 'spec', 'status'],
    children: { metadata: 'ObjectMeta', spec: 'IngressSpec' },
  },
  IngressSpec: {
    fields: ['ingressClassName', 'defaultBackend', 'tls', 'rules'],
    children: { defaultBackend: 'IngressBackend', tls: 'IngressTLS', rules: 'IngressRule' },
  },
  IngressTLS: { fields: ['hosts', 'secretName'] },
  IngressRule: { fields: ['host', 'http'], children: { http: 'HTTPIngressRuleValue' } },
  HTTPIngressRuleValue: { fields: ['paths'], children: { paths: 'HTTPIngressPath' } },
  HTTPIngressPath: {
    fields: ['path', 'pathType', 'backend'],
    children: { backend: 'IngressBackend' },
  },
  IngressBackend: {
    fields: ['service', 'resource'],
    children: { service: 'IngressServiceBackend' },
  },
  IngressServiceBackend: { fields: ['name', 'port'], children: { port: 'ServiceBackendPort' } },
  ServiceBackendPort: { fields: ['name', 'number'] },
  PriorityClass: {
    fields: [...TOP, 'value', 'globalDefault', 'description', 'preemptionPolicy'],
    children: { metadata: 'ObjectMeta' },
  },
  ServiceAccount: {
    fields: [...TOP, 'secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
    children: { metadata: 'ObjectMeta' },
  },
  Role: { fields: [...TOP, 'rules'], children: { metadata: 'ObjectMeta', rules: 'PolicyRule' } },
  ClusterRole: {
    fields: [...TOP, 'rules', 'aggregationRule'],
    children: { metadata: 'ObjectMeta', rules: 'PolicyRule' },
  },
  PolicyRule: { fields: ['verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'] },
  RoleBinding: {
    fields: [...TOP, 'subjects', 'roleRef'],
    children: { metadata: 'ObjectMeta', subjects: 'Subject', roleRef: 'RoleRef' },
  },
  ClusterRoleBinding: {
    fields: [...TOP, 'subjects', 'roleRef'],
    children: { metadata: 'ObjectMeta', subjects: 'Subject', roleRef: 'RoleRef' },
  },
  Subject: { fields: ['kind', 'apiGroup', 'name', 'namespace'] },
  RoleRef: { fields: ['apiGroup', 'kind', 'name'] },
};
