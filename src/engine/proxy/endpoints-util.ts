/**
 * What the endpoints controllers share: which pods back a Service, how a Service port resolves on
 * a pod, and the endpoint conditions. Mirrors staging k8s.io/endpointslice (utils.go,
 * util/controller_utils.go).
 */
import type { ApiStore } from '../api/store';
import type { KObject } from '../api/types';
import { getCondition, isPodReady, isPodTerminal } from '../api/podutil';
import type { Selector } from '../api/selectors';
import { parseTime } from '../clock';

/** `v1.EndpointsLastChangeTriggerTime` */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** `v1.IsHeadlessService`: label put on slices and Endpoints of headless services. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
/** `discovery.LabelServiceName` */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** `discovery.LabelManagedBy` */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
/** `v1.LabelTopologyZone` */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export function isHeadless(svc: KObject): boolean {
  return svc.spec?.clusterIP === 'None';
}

/** Services whose endpoints the controllers manage: with a selector and not ExternalName. */
export function managesEndpoints(svc: KObject): boolean {
  return !!svc.spec?.selector && svc.spec?.type !== 'ExternalName';
}

export function serviceSelector(svc: KObject): Selector {
  const sel = (svc.spec?.selector ?? {}) as Record<string, string>;
  return Object.keys(sel)
    .sort()
    .map((key) => ({ key, op: '=' as const, values: [sel[key]] }));
}

export function podIp(pod: KObject): string | undefined {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || undefined;
}

/** `ShouldPodBeInEndpoints(pod, includeTerminating)`: not terminal, has an IP, terminating only if asked. */
export function shouldPodBeInEndpoints(pod: KObject, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!podIp(pod)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The pods a Service selects, in the store's list order. */
export function selectedPods(store: ApiStore, svc: KObject): KObject[] {
  if (!svc.spec?.selector) return [];
  return store.list('Pod', {
    namespace: svc.metadata.namespace,
    labelSelector: serviceSelector(svc),
  });
}

/**
 * `FindPort`: a numeric targetPort is used as is; a named one is looked up in the pod's container
 * ports (and restartable init containers) with the same protocol. Undefined if not found.
 */
export function findPort(pod: KObject, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const proto = sp.protocol ?? 'TCP';
  const sidecars = ((pod.spec?.initContainers ?? []) as KObject[]).filter(
    (c) => c.restartPolicy === 'Always',
  );
  for (const c of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort;
    }
  }
  return undefined;
}

export interface EndpointPort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/** `getEndpointPorts`: the service ports that resolve on this pod. */
export function endpointPorts(svc: KObject, pod: KObject): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of (svc.spec?.ports ?? []) as ServicePort[]) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({
      name: sp.name ?? '',
      port,
      protocol: sp.protocol ?? 'TCP',
      ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}),
    });
  }
  return out;
}

/** `ShouldSetHostname`: the pod's hostname is published when its subdomain names this service. */
export function shouldSetHostname(pod: KObject, svc: KObject): boolean {
  return (
    !!pod.spec?.hostname &&
    pod.spec?.subdomain === svc.metadata.name &&
    pod.metadata.namespace === svc.metadata.namespace
  );
}

export interface EndpointConditions {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** `podToEndpoint` conditions: ready is never true for a terminating pod unless publishNotReadyAddresses. */
export function endpointConditions(pod: KObject, svc: KObject): EndpointConditions {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating);
  return { ready, serving, terminating };
}

/**
 * The last change that triggered an endpoints update (`TriggerTimeTracker`): the latest of the
 * Service's creation and each pod's Ready transition (its creation if it has none).
 */
export function lastChangeTriggerTime(svc: KObject, pods: KObject[]): number {
  let t = parseTime(svc.metadata.creationTimestamp) ?? 0;
  for (const p of pods) {
    const ready = getCondition(p, 'Ready');
    const pt = parseTime(ready?.lastTransitionTime) ?? parseTime(p.metadata.creationTimestamp) ?? 0;
    if (pt > t) t = pt;
  }
  return t;
}

/** Controller owner reference to a Service (`metav1.NewControllerRef`). */
export function serviceOwnerRef(svc: KObject) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    name: svc.metadata.name,
    uid: svc.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Services in a namespace that select a pod with these labels (for pod watch events). */
export function servicesSelecting(
  store: ApiStore,
  namespace: string | undefined,
  labels: Record<string, string> | undefined,
): KObject[] {
  const l = labels ?? {};
  return store.list('Service', { namespace }).filter((s) => {
    const sel = s.spec?.selector as Record<string, string> | undefined;
    if (!sel) return false;
    return Object.entries(sel).every(([k, v]) => l[k] === v);
  });
}

/**
 * Keys (`ns/name`) of the Services selecting a pod before or after a change: both endpoints
 * controllers resync those (`getPodServiceMemberships` in k/k endpoint controllers).
 */
export function serviceKeysForPodChange(
  store: ApiStore,
  e: { object: KObject; old?: KObject },
): string[] {
  const keys = new Set<string>();
  for (const p of [e.object, e.old]) {
    if (!p) continue;
    for (const s of servicesSelecting(store, p.metadata.namespace, p.metadata.labels))
      keys.add(`${s.metadata.namespace}/${s.metadata.name}`);
  }
  return [...keys].sort();
}
