/**
 * `-o json` of a typed object (what `kubectl create deployment`, `run` and `expose` build and get
 * back through the typed clientset) follows the Go struct field order of k8s.io/api, not sorted
 * keys: `kind` before `apiVersion` (TypeMeta), `name` before `creationTimestamp` (ObjectMeta).
 * Objects kubectl handles as unstructured (get, apply, create -f) keep sorted keys (yaml.ts).
 */
import { MORE_SHAPES } from './structorder-more';

export type Shape = { fields: string[]; children?: Record<string, string> };

const OBJECT_META = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

const TOP = ['kind', 'apiVersion', 'metadata'];

/** Field order per Go type, and the Go type of fields that are structs (or lists of them). */
const SHAPES: Record<string, Shape> = {
  ObjectMeta: { fields: OBJECT_META, children: { ownerReferences: 'OwnerReference' } },
  OwnerReference: {
    fields: ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'],
  },
  Deployment: {
    fields: [...TOP, 'spec', 'status'],
    children: { metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: 'DeploymentStatus' },
  },
  DeploymentSpec: {
    fields: [
      'replicas',
      'selector',
      'template',
      'strategy',
      'minReadySeconds',
      'revisionHistoryLimit',
      'paused',
      'progressDeadlineSeconds',
    ],
    children: { selector: 'LabelSelector', template: 'PodTemplateSpec', strategy: 'Strategy' },
  },
  Strategy: { fields: ['type', 'rollingUpdate'], children: { rollingUpdate: 'RollingUpdate' } },
  RollingUpdate: { fields: ['maxUnavailable', 'maxSurge'] },
  DeploymentStatus: {
    fields: [
      'observedGeneration',
      'replicas',
      'updatedReplicas',
      'readyReplicas',
      'availableReplicas',
      'unavailableReplicas',
      'terminatingReplicas',
      'conditions',
      'collisionCount',
    ],
  },
  LabelSelector: { fields: ['matchLabels', 'matchExpressions'] },
  PodTemplateSpec: {
    fields: ['metadata', 'spec'],
    children: { metadata: 'ObjectMeta', spec: 'PodSpec', status: 'PodStatus' },
  },
  PodStatus: {
    fields: [
      'observedGeneration',
      'phase',
      'conditions',
      'message',
      'reason',
      'nominatedNodeName',
      'hostIP',
      'hostIPs',
      'podIP',
      'podIPs',
      'startTime',
      'initContainerStatuses',
      'containerStatuses',
      'qosClass',
      'ephemeralContainerStatuses',
      'resize',
      'resourceClaimStatuses',
    ],
  },
  Pod: {
    fields: [...TOP, 'spec', 'status'],
    children: { metadata: 'ObjectMeta', spec: 'PodSpec' },
  },
  PodSpec: {
    fields: [
      'volumes',
      'initContainers',
      'containers',
      'ephemeralContainers',
      'restartPolicy',
      'terminationGracePeriodSeconds',
      'activeDeadlineSeconds',
      'dnsPolicy',
      'nodeSelector',
      'serviceAccountName',
      'serviceAccount',
      'automountServiceAccountToken',
      'nodeName',
      'hostNetwork',
      'hostPID',
      'hostIPC',
      'shareProcessNamespace',
      'securityContext',
      'imagePullSecrets',
      'hostname',
      'subdomain',
      'affinity',
      'schedulerName',
      'tolerations',
      'hostAliases',
      'priorityClassName',
      'priority',
      'dnsConfig',
      'readinessGates',
      'runtimeClassName',
      'enableServiceLinks',
      'preemptionPolicy',
      'overhead',
      'topologySpreadConstraints',
      'setHostnameAsFQDN',
      'os',
      'hostUsers',
      'schedulingGates',
      'resourceClaims',
      'resources',
    ],
    children: { initContainers: 'Container', containers: 'Container', tolerations: 'Toleration' },
  },
  Container: {
    fields: [
      'name',
      'image',
      'command',
      'args',
      'workingDir',
      'ports',
      'envFrom',
      'env',
      'resources',
      'resizePolicy',
      'restartPolicy',
      'volumeMounts',
      'volumeDevices',
      'livenessProbe',
      'readinessProbe',
      'startupProbe',
      'lifecycle',
      'terminationMessagePath',
      'terminationMessagePolicy',
      'imagePullPolicy',
      'securityContext',
      'stdin',
      'stdinOnce',
      'tty',
    ],
    children: { ports: 'ContainerPort', env: 'EnvVar', resources: 'Resources' },
  },
  ContainerPort: { fields: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'] },
  EnvVar: { fields: ['name', 'value', 'valueFrom'] },
  Resources: { fields: ['limits', 'requests', 'claims'] },
  Toleration: { fields: ['key', 'operator', 'value', 'effect', 'tolerationSeconds'] },
  Job: {
    fields: [...TOP, 'spec', 'status'],
    children: { metadata: 'ObjectMeta', spec: 'JobSpec' },
  },
  JobSpec: {
    fields: [
      'parallelism',
      'completions',
      'activeDeadlineSeconds',
      'podFailurePolicy',
      'successPolicy',
      'backoffLimit',
      'backoffLimitPerIndex',
      'maxFailedIndexes',
      'selector',
      'manualSelector',
      'template',
      'ttlSecondsAfterFinished',
      'completionMode',
      'suspend',
      'podReplacementPolicy',
      'managedBy',
    ],
    children: { selector: 'LabelSelector', template: 'PodTemplateSpec' },
  },
  CronJob: {
    fields: [...TOP, 'spec', 'status'],
    children: { metadata: 'ObjectMeta', spec: 'CronJobSpec' },
  },
  CronJobSpec: {
    fields: [
      'schedule',
      'timeZone',
      'startingDeadlineSeconds',
      'concurrencyPolicy',
      'suspend',
      'jobTemplate',
      'successfulJobsHistoryLimit',
      'failedJobsHistoryLimit',
    ],
    children: { jobTemplate: 'JobTemplateSpec' },
  },
  JobTemplateSpec: {
    fields: ['metadata', 'spec'],
    children: { metadata: 'ObjectMeta', spec: 'JobSpec' },
  },
  ConfigMap: {
    fields: [...TOP, 'immutable', 'data', 'binaryData'],
    children: { metadata: 'ObjectMeta' },
  },
  Secret: {
    fields: [...TOP, 'immutable', 'data', 'stringData', 'type'],
    children: { metadata: 'ObjectMeta' },
  },
  Namespace: { fields: [...TOP, 'spec', 'status'], children: { metadata: 'ObjectMeta' } },
  Service: {
    fields: [...TOP, 'spec', 'status'],
    children: { metadata: 'ObjectMeta', spec: 'ServiceSpec' },
  },
  ServiceSpec: {
    fields: [
      'ports',
      'selector',
      'clusterIP',
      'clusterIPs',
      'type',
      'externalIPs',
      'sessionAffinity',
      'loadBalancerIP',
      'loadBalancerSourceRanges',
      'externalName',
      'externalTrafficPolicy',
      'healthCheckNodePort',
      'publishNotReadyAddresses',
      'sessionAffinityConfig',
      'ipFamilies',
      'ipFamilyPolicy',
      'allocateLoadBalancerNodePorts',
      'loadBalancerClass',
      'internalTrafficPolicy',
      'trafficDistribution',
    ],
    children: { ports: 'ServicePort' },
  },
  ServicePort: { fields: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'] },
  ...MORE_SHAPES,
};

function order(v: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(v)) return v.map((x) => order(x, shape));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  // Go maps (labels, selector, data) marshal with sorted keys; so do structs missing from SHAPES.
  if (!shape)
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, order(o[k], undefined)]),
    );
  const known = shape.fields.filter((k) => k in o);
  const rest = Object.keys(o)
    .filter((k) => !shape.fields.includes(k))
    .sort();
  const child = (k: string) => (shape.children?.[k] ? SHAPES[shape.children[k]] : undefined);
  return Object.fromEntries([...known, ...rest].map((k) => [k, order(o[k], child(k))]));
}

/** Reorders a typed object's keys into Go struct order; undefined for kinds without a table. */
export function structOrdered(obj: {
  kind?: string;
  [k: string]: unknown;
}): Record<string, unknown> | undefined {
  const shape = SHAPES[obj.kind ?? ''];
  return shape ? (order(obj, shape) as Record<string, unknown>) : undefined;
}
