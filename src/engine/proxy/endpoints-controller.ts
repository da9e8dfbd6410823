/**
 * The Endpoints controller: the classic `v1/Endpoints` object named after each Service with a
 * selector, ready pods under `addresses` and the others under `notReadyAddresses`, subsets
 * grouped by resolved ports. Mirrors k/k:pkg/controller/endpoint/endpoints_controller.go
 * syncService and k/k:pkg/api/v1/endpoints/util.go RepackSubsets.
 */
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import { jsonEqual } from '../api/types';
import { rfc3339 } from '../clock';
import { isPodReady } from '../api/podutil';
import { Controller, splitKey } from '../controllers/controller';
import { ApiError } from '../api/errors';
import { publishApiServerEndpoints } from './apiserver-endpoints';
import {
  HEADLESS_LABEL,
  LAST_CHANGE_TRIGGER_TIME,
  endpointPorts,
  isHeadless,
  lastChangeTriggerTime,
  managesEndpoints,
  podIp,
  selectedPods,
  serviceKeysForPodChange,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  type EndpointPort,
} from './endpoints-util';

export const ENDPOINTS_CONTROLLER = 'endpoint-controller';

interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

interface Subset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

function ipKey(ip: string): string {
  return ip
    .split('.')
    .map((o) => o.padStart(3, '0'))
    .join('.');
}

/** `RepackSubsets`: one subset per distinct port set, addresses sorted by IP. */
export function computeSubsets(svc: KObject, pods: KObject[]): Subset[] {
  const tolerateUnready = !!svc.spec?.publishNotReadyAddresses;
  const bySig = new Map<
    string,
    { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
  >();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const addr: EndpointAddress = {
      ip: podIp(pod)!,
      ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec.hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: {
        kind: 'Pod',
        namespace: pod.metadata.namespace!,
        name: pod.metadata.name,
        uid: pod.metadata.uid,
      },
    };
    // A headless service without ports still lists its addresses.
    const ports = endpointPorts(svc, pod).map(({ name, port, protocol, appProtocol }) => ({
      ...(name ? { name } : {}),
      port,
      protocol,
      ...(appProtocol ? { appProtocol } : {}),
    })) as EndpointPort[];
    if (ports.length === 0 && !(isHeadless(svc) && (svc.spec?.ports ?? []).length === 0)) continue;
    const sig = JSON.stringify(ports);
    let g = bySig.get(sig);
    if (!g) bySig.set(sig, (g = { ports, ready: [], notReady: [] }));
    if (tolerateUnready || isPodReady(pod)) g.ready.push(addr);
    else g.notReady.push(addr);
  }
  const out: Subset[] = [];
  for (const g of bySig.values()) {
    const s: Subset = {};
    if (g.ready.length) s.addresses = g.ready.sort((a, b) => (ipKey(a.ip) < ipKey(b.ip) ? -1 : 1));
    if (g.notReady.length)
      s.notReadyAddresses = g.notReady.sort((a, b) => (ipKey(a.ip) < ipKey(b.ip) ? -1 : 1));
    if (g.ports.length) s.ports = g.ports;
    out.push(s);
  }
  return out;
}

export class EndpointsController extends Controller {
  constructor(sim: Simulation) {
    super(sim, ENDPOINTS_CONTROLLER);
    this.watch(['Service'], (e) => this.enqueue(e.object));
    this.watch(['Pod'], (e) => {
      for (const k of serviceKeysForPodChange(this.store, e)) this.queue.add(k);
    });
  }

  start(): void {
    publishApiServerEndpoints(this.store);
    for (const s of this.store.list('Service')) this.enqueue(s);
  }

  sync(key: string): void {
    const { namespace = 'default', name } = splitKey(key);
    const svc = this.store.get('Service', namespace, name);
    const current = this.store.get('Endpoints', namespace, name);
    if (!svc) {
      if (current) this.deleteEndpoints(namespace, name);
      return;
    }
    if (!managesEndpoints(svc)) return;
    const pods = selectedPods(this.store, svc);
    const subsets = computeSubsets(svc, pods);
    const labels: Record<string, string> = {
      ...((svc.metadata.labels ?? {}) as Record<string, string>),
    };
    if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];
    const trigger = rfc3339(lastChangeTriggerTime(svc, pods));
    if (!current) {
      this.store.create({
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name, namespace, labels, annotations: { [LAST_CHANGE_TRIGGER_TIME]: trigger } },
        ...(subsets.length ? { subsets } : {}),
      });
      return;
    }
    if (
      jsonEqual(current.subsets ?? [], subsets) &&
      jsonEqual(current.metadata.labels ?? {}, labels)
    )
      return;
    this.store.mutate('Endpoints', namespace, name, (o) => {
      if (subsets.length) o.subsets = subsets;
      else delete o.subsets;
      o.metadata.labels = labels;
      o.metadata.annotations = {
        ...(o.metadata.annotations ?? {}),
        [LAST_CHANGE_TRIGGER_TIME]: trigger,
      };
    });
  }

  private deleteEndpoints(namespace: string, name: string): void {
    try {
      this.store.delete('Endpoints', namespace, name);
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 404) throw e;
    }
  }
}
