/**
 * The EndpointSlice controller: for each Service with a selector, EndpointSlices listing every
 * selected pod that has an IP, with ready/serving/terminating conditions. Mirrors
 * k/k:pkg/controller/endpointslice/endpointslice_controller.go syncService and
 * staging k8s.io/endpointslice/reconciler.go (slices grouped by resolved ports, at most
 * maxEndpointsPerSlice each, a placeholder slice when a service has no endpoints).
 */
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import { jsonEqual } from '../api/types';
import { rfc3339 } from '../clock';
import { Controller, splitKey } from '../controllers/controller';
import { ApiError } from '../api/errors';
import {
  HEADLESS_LABEL,
  LAST_CHANGE_TRIGGER_TIME,
  MANAGED_BY_LABEL,
  SERVICE_NAME_LABEL,
  ZONE_LABEL,
  endpointConditions,
  endpointPorts,
  isHeadless,
  lastChangeTriggerTime,
  managesEndpoints,
  podIp,
  selectedPods,
  serviceOwnerRef,
  serviceKeysForPodChange,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  type EndpointPort,
} from './endpoints-util';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
/** `ControllerName` of the reconciler, written in the managed-by label. */
export const ENDPOINTSLICE_MANAGED_BY = 'endpointslice-controller.k8s.io';
/** `--max-endpoints-per-slice` default 100 (k/k:pkg/controller/endpointslice/config/v1alpha1/defaults.go). */
export const MAX_ENDPOINTS_PER_SLICE = 100;

interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
  nodeName?: string;
  zone?: string;
}

/** `podToEndpoint` */
export function podToEndpoint(
  pod: KObject,
  node: KObject | undefined,
  svc: KObject,
): SliceEndpoint {
  const ep: SliceEndpoint = {
    addresses: [podIp(pod)!],
    conditions: endpointConditions(pod, svc),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    },
  };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) ep.zone = zone;
  return ep;
}

/** `setEndpointSliceLabels`: the service's labels plus the reserved ones. */
export function sliceLabels(svc: KObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((svc.metadata.labels ?? {}) as Record<string, string>)) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL && k !== HEADLESS_LABEL) out[k] = v;
  }
  if (isHeadless(svc) || !svc.spec?.clusterIP) out[HEADLESS_LABEL] = '';
  out[SERVICE_NAME_LABEL] = svc.metadata.name;
  out[MANAGED_BY_LABEL] = ENDPOINTSLICE_MANAGED_BY;
  return out;
}

interface Group {
  ports: EndpointPort[];
  endpoints: SliceEndpoint[];
}

export class EndpointSliceController extends Controller {
  constructor(sim: Simulation) {
    super(sim, ENDPOINTSLICE_CONTROLLER);
    this.watch(['Service'], (e) => this.enqueue(e.object));
    this.watch(['Pod'], (e) => {
      for (const k of serviceKeysForPodChange(this.store, e)) this.queue.add(k);
    });
    this.watch(['EndpointSlice'], (e) => {
      const labels = e.object.metadata.labels ?? {};
      if (labels[MANAGED_BY_LABEL] === ENDPOINTSLICE_MANAGED_BY && labels[SERVICE_NAME_LABEL]) {
        this.queue.add(`${e.object.metadata.namespace}/${labels[SERVICE_NAME_LABEL]}`);
      }
    });
  }

  start(): void {
    for (const s of this.store.list('Service')) this.enqueue(s);
  }

  private managedSlices(namespace: string, name: string): KObject[] {
    return this.store.list('EndpointSlice', {
      namespace,
      labelSelector: [
        { key: SERVICE_NAME_LABEL, op: '=', values: [name] },
        { key: MANAGED_BY_LABEL, op: '=', values: [ENDPOINTSLICE_MANAGED_BY] },
      ],
    });
  }

  sync(key: string): void {
    const { namespace = 'default', name } = splitKey(key);
    const svc = this.store.get('Service', namespace, name);
    const existing = this.managedSlices(namespace, name);
    if (!svc) {
      // The garbage collector removes them through the ownerReference; doing it here keeps the
      // simulation tidy even without it.
      for (const s of existing) this.deleteSlice(s);
      return;
    }
    // Services without a selector get slices out of band; ExternalName gets none (issues.k8s.io/105986).
    if (!managesEndpoints(svc)) return;
    const pods = selectedPods(this.store, svc).filter((p) => shouldPodBeInEndpoints(p, true));
    const groups = new Map<string, Group>();
    for (const pod of pods) {
      const ports = endpointPorts(svc, pod);
      const sig = JSON.stringify(ports);
      let g = groups.get(sig);
      if (!g) groups.set(sig, (g = { ports, endpoints: [] }));
      g.endpoints.push(
        podToEndpoint(
          pod,
          pod.spec?.nodeName ? this.store.get('Node', undefined, pod.spec.nodeName) : undefined,
          svc,
        ),
      );
    }
    const trigger = rfc3339(lastChangeTriggerTime(svc, pods));
    const labels = sliceLabels(svc);
    const keep = new Set<string>();
    for (const [sig, g] of groups)
      this.reconcileGroup(svc, sig, g, existing, labels, trigger, keep);
    if (groups.size === 0) {
      // Placeholder: one slice without ports or endpoints, so the service is visibly empty.
      const placeholder = existing.find(
        (s) => (s.endpoints ?? []).length === 0 && (s.ports ?? []).length === 0,
      );
      if (placeholder) {
        keep.add(placeholder.metadata.name);
        this.writeSlice(placeholder, svc, [], [], labels, trigger);
      } else {
        this.createSlice(svc, [], [], labels, trigger);
      }
    }
    for (const s of existing) if (!keep.has(s.metadata.name)) this.deleteSlice(s);
  }

  /** Keeps endpoints in the slice they are already in, fills free room, then creates new slices. */
  private reconcileGroup(
    svc: KObject,
    sig: string,
    g: Group,
    existing: KObject[],
    labels: Record<string, string>,
    trigger: string,
    keep: Set<string>,
  ): void {
    const slices = existing.filter((s) => JSON.stringify(s.ports ?? []) === sig);
    const byIp = new Map(g.endpoints.map((e) => [e.addresses[0], e]));
    const placed = new Set<string>();
    const contents = slices.map((s) => {
      const eps: SliceEndpoint[] = [];
      for (const old of (s.endpoints ?? []) as SliceEndpoint[]) {
        const ip = old.addresses?.[0];
        const ep = byIp.get(ip);
        if (ep && !placed.has(ip) && eps.length < MAX_ENDPOINTS_PER_SLICE) {
          eps.push(ep);
          placed.add(ip);
        }
      }
      return eps;
    });
    const rest = g.endpoints.filter((e) => !placed.has(e.addresses[0]));
    for (const eps of contents) {
      while (rest.length && eps.length < MAX_ENDPOINTS_PER_SLICE) eps.push(rest.shift()!);
    }
    slices.forEach((s, i) => {
      if (contents[i].length === 0) return;
      keep.add(s.metadata.name);
      this.writeSlice(s, svc, g.ports, contents[i], labels, trigger);
    });
    while (rest.length) {
      const created = this.createSlice(
        svc,
        g.ports,
        rest.splice(0, MAX_ENDPOINTS_PER_SLICE),
        labels,
        trigger,
      );
      keep.add(created.metadata.name);
    }
  }

  private createSlice(
    svc: KObject,
    ports: EndpointPort[],
    endpoints: SliceEndpoint[],
    labels: Record<string, string>,
    trigger: string,
  ): KObject {
    return this.store.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${svc.metadata.name}-`,
        namespace: svc.metadata.namespace,
        labels,
        annotations: { [LAST_CHANGE_TRIGGER_TIME]: trigger },
        ownerReferences: [serviceOwnerRef(svc)],
      },
      addressType: 'IPv4',
      endpoints,
      ports,
    });
  }

  private writeSlice(
    s: KObject,
    svc: KObject,
    ports: EndpointPort[],
    endpoints: SliceEndpoint[],
    labels: Record<string, string>,
    trigger: string,
  ): void {
    if (
      jsonEqual(s.endpoints ?? [], endpoints) &&
      jsonEqual(s.ports ?? [], ports) &&
      jsonEqual(s.metadata.labels, labels)
    )
      return;
    this.store.mutate('EndpointSlice', s.metadata.namespace, s.metadata.name, (o) => {
      o.endpoints = endpoints;
      o.ports = ports;
      o.metadata.labels = labels;
      o.metadata.annotations = {
        ...(o.metadata.annotations ?? {}),
        [LAST_CHANGE_TRIGGER_TIME]: trigger,
      };
      o.metadata.ownerReferences = [serviceOwnerRef(svc)];
    });
  }

  private deleteSlice(s: KObject): void {
    try {
      this.store.delete('EndpointSlice', s.metadata.namespace, s.metadata.name);
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 404) throw e;
    }
  }
}
