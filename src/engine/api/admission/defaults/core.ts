/**
 * Defaults of the non-workload kinds: `k/k:pkg/apis/core/v1/defaults.go` (Service, Namespace,
 * Node, Secret, PersistentVolume(Claim), Endpoints), `k/k:pkg/apis/discovery/v1/defaults.go`
 * (EndpointSlice), `k/k:pkg/apis/autoscaling/v2/defaults.go` (HPA) and
 * `k/k:pkg/apis/scheduling/v1/defaults.go` (PriorityClass).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { mergeStringData } from './secret';

/** `v1.DefaultClientIPServiceAffinitySeconds`: 3 hours. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;
/** `autoscaling.DefaultCPUUtilization`: the metric an HPA without metrics gets. */
export const DEFAULT_CPU_UTILIZATION = 80;
/** GenerateHPAScaleUpRules: at most 4 pods or 100% per 15 s, no stabilization. */
export const HPA_SCALE_UP = {
  pods: 4,
  percent: 100,
  periodSeconds: 15,
  stabilizationWindowSeconds: 0,
} as const;
/** GenerateHPAScaleDownRules: 100% per 15 s; the 300 s window stays the controller's flag default. */
export const HPA_SCALE_DOWN = { percent: 100, periodSeconds: 15 } as const;

const isObj = (v: unknown): v is Record<string, any> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** `service.ExternallyAccessible`: LoadBalancer, NodePort, or ClusterIP with external IPs. */
function externallyAccessible(spec: any): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0)
  );
}

export function setDefaultsService(svc: any): void {
  const spec = isObj(svc.spec) ? svc.spec : (svc.spec = {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (
    spec.sessionAffinity === 'ClientIP' &&
    spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == null
  ) {
    spec.sessionAffinityConfig = {
      clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS },
    };
  }
  spec.type ||= 'ClusterIP';
  for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
    if (!isObj(p)) continue;
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '')
      p.targetPort = p.port;
  }
  if (externallyAccessible(spec)) spec.externalTrafficPolicy ||= 'Cluster';
  if (
    spec.internalTrafficPolicy == null &&
    ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)
  )
    spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

export function setDefaultsNamespace(ns: any): void {
  if (ns.metadata?.name)
    ns.metadata.labels = {
      ...(ns.metadata.labels ?? {}),
      'kubernetes.io/metadata.name': ns.metadata.name,
    };
  const status = isObj(ns.status) ? ns.status : (ns.status = {});
  status.phase ||= 'Active';
}

export function setDefaultsNode(node: any): void {
  const status = node.status;
  if (isObj(status) && status.allocatable == null && status.capacity != null)
    status.allocatable = { ...status.capacity };
}

export function setDefaultsSecret(secret: any): void {
  mergeStringData(secret);
  secret.type ||= 'Opaque';
}

export function setDefaultsPersistentVolumeClaim(pvc: any): void {
  const spec = isObj(pvc.spec) ? pvc.spec : (pvc.spec = {});
  spec.volumeMode ??= 'Filesystem';
  const status = isObj(pvc.status) ? pvc.status : (pvc.status = {});
  status.phase ||= 'Pending';
}

export function setDefaultsPersistentVolume(pv: any): void {
  const spec = isObj(pv.spec) ? pv.spec : (pv.spec = {});
  spec.persistentVolumeReclaimPolicy ||= 'Retain';
  spec.volumeMode ??= 'Filesystem';
  const status = isObj(pv.status) ? pv.status : (pv.status = {});
  status.phase ||= 'Pending';
}

export function setDefaultsEndpoints(ep: any): void {
  for (const ss of Array.isArray(ep.subsets) ? ep.subsets : []) {
    for (const p of Array.isArray(ss?.ports) ? ss.ports : []) if (isObj(p)) p.protocol ||= 'TCP';
  }
}

export function setDefaultsEndpointSlice(slice: any): void {
  for (const p of Array.isArray(slice.ports) ? slice.ports : []) {
    if (!isObj(p)) continue;
    p.name ??= '';
    p.protocol ??= 'TCP';
  }
}

export function setDefaultsPriorityClass(pc: any): void {
  pc.preemptionPolicy ||= 'PreemptLowerPriority';
}

function scalingRules(from: any, defaults: any): any {
  if (!isObj(from)) return defaults;
  const out = { ...defaults };
  if (from.selectPolicy != null) out.selectPolicy = from.selectPolicy;
  if (from.stabilizationWindowSeconds != null)
    out.stabilizationWindowSeconds = from.stabilizationWindowSeconds;
  if (from.policies != null) out.policies = from.policies;
  if (from.tolerance != null) out.tolerance = from.tolerance;
  return out;
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2). Behavior is only completed when present. */
export function setDefaultsHorizontalPodAutoscaler(hpa: any): void {
  const spec = isObj(hpa.spec) ? hpa.spec : (hpa.spec = {});
  spec.minReplicas ??= 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION },
        },
      },
    ];
  }
  if (isObj(spec.behavior)) {
    spec.behavior.scaleUp = scalingRules(spec.behavior.scaleUp, {
      stabilizationWindowSeconds: HPA_SCALE_UP.stabilizationWindowSeconds,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: HPA_SCALE_UP.pods, periodSeconds: HPA_SCALE_UP.periodSeconds },
        { type: 'Percent', value: HPA_SCALE_UP.percent, periodSeconds: HPA_SCALE_UP.periodSeconds },
      ],
    });
    spec.behavior.scaleDown = scalingRules(spec.behavior.scaleDown, {
      selectPolicy: 'Max',
      policies: [
        {
          type: 'Percent',
          value: HPA_SCALE_DOWN.percent,
          periodSeconds: HPA_SCALE_DOWN.periodSeconds,
        },
      ],
    });
  }
}

/** SetDefaults_LimitRangeItem: for Container items, default ← max, defaultRequest ← default ← min. */
export function setDefaultsLimitRange(lr: any): void {
  for (const item of Array.isArray(lr.spec?.limits) ? lr.spec.limits : []) {
    if (!isObj(item) || item.type !== 'Container') continue;
    item.default = { ...(item.max ?? {}), ...(item.default ?? {}) };
    item.defaultRequest = { ...(item.min ?? {}), ...item.default, ...(item.defaultRequest ?? {}) };
  }
}
