/**
 * Trims store objects to what the UI draws (protocol `ObjView`). Pure functions of the store, so
 * they are tested in Node. The pod status follows `kubectl get pods` (mirrors k/k:
 * pkg/printers/internalversion/printers.go printPod): the reason of the first waiting or
 * terminated container wins over the phase, and a deletionTimestamp reads "Terminating".
 */
import type { KObject } from '../engine/api/types';
import type { ApiStore } from '../engine/api/store';
import {
  containerRestarts,
  getCondition,
  isPodReady,
  isPodTerminal,
  podRequests,
} from '../engine/api/podutil';
import { labelSelectorMatches } from '../engine/api/selectors';
import { milliCpu, parseQuantity } from '../engine/cluster/quantity';
import type { ObjView, Tone, EventView } from './protocol';

/** Kinds the graph and inspector draw; everything else stays in the worker. */
export const VIEW_KINDS = new Set([
  'Node',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Service',
  'Namespace',
]);

interface ContainerState {
  waiting?: { reason?: string };
  running?: object;
  terminated?: { reason?: string; exitCode?: number; signal?: number };
}

interface ContainerStatusLike {
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

const ERROR_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'OOMKilled',
  'Error',
  'Failed',
  'Evicted',
  'ContainerStatusUnknown',
]);

/** `kubectl get pods` STATUS column. */
export function podStatus(p: KObject): string {
  const st = p.status ?? {};
  let reason: string = st.reason || st.phase || 'Pending';
  const inits = (st.initContainerStatuses ?? []) as ContainerStatusLike[];
  const initTotal = (p.spec?.initContainers ?? []).length;
  let initializing = false;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c.state?.terminated && c.state.terminated.exitCode === 0) continue;
    initializing = true;
    if (c.state?.terminated)
      reason = c.state.terminated.reason
        ? `Init:${c.state.terminated.reason}`
        : `Init:ExitCode:${c.state.terminated.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing')
      reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initTotal}`;
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    const cs = (st.containerStatuses ?? []) as ContainerStatusLike[];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated)
        reason = c.state.terminated.signal
          ? `Signal:${c.state.terminated.signal}`
          : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = isPodReady(p) ? 'Running' : 'NotReady';
  }
  if (p.metadata.deletionTimestamp) reason = st.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  if (reason === 'Succeeded') reason = 'Completed';
  return reason;
}

export function podTone(status: string, ready: boolean): Tone {
  if (status === 'Running') return ready ? 'ok' : 'warn';
  if (status === 'Terminating') return 'idle';
  if (status === 'Completed') return 'done';
  if (
    ERROR_REASONS.has(status) ||
    status.startsWith('Init:Err') ||
    status.startsWith('Init:Crash') ||
    status.startsWith('ExitCode') ||
    status.startsWith('Signal')
  )
    return 'error';
  return 'progress';
}

function base(
  o: KObject,
): Pick<ObjView, 'uid' | 'kind' | 'name' | 'namespace' | 'ownerUid' | 'created'> {
  const owner = o.metadata.ownerReferences?.find((r) => r.controller === true);
  const created = Date.parse(o.metadata.creationTimestamp);
  return {
    uid: o.metadata.uid,
    kind: o.kind,
    name: o.metadata.name,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    ...(owner ? { ownerUid: owner.uid } : {}),
    created: Number.isNaN(created) ? 0 : created,
  };
}

export function podView(p: KObject): ObjView {
  const status = podStatus(p);
  const ready = isPodReady(p);
  return {
    ...base(p),
    ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName as string } : {}),
    status,
    tone: podTone(status, ready),
    ready,
    restarts: containerRestarts(p),
  };
}

export function nodeView(n: KObject, podsOnNode: KObject[]): ObjView {
  const ready = getCondition(n, 'Ready')?.status === 'True';
  const unschedulable = n.spec?.unschedulable === true;
  const alloc = n.status?.allocatable ?? {};
  let cpu = 0;
  let mem = 0;
  let count = 0;
  for (const p of podsOnNode) {
    if (isPodTerminal(p)) continue;
    const r = podRequests(p);
    cpu += r.cpu;
    mem += r.memory;
    count++;
  }
  const status = (ready ? 'Ready' : 'NotReady') + (unschedulable ? ',SchedulingDisabled' : '');
  return {
    ...base(n),
    status,
    tone: ready ? (unschedulable ? 'warn' : 'ok') : 'error',
    ready,
    node: {
      ready,
      unschedulable,
      controlPlane: n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined,
      taints: ((n.spec?.taints ?? []) as { key: string; value?: string; effect: string }[]).map(
        (t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`,
      ),
      cpuAllocatable: milliCpu(alloc.cpu),
      memoryAllocatable: parseQuantity(alloc.memory),
      podsAllocatable: Number(alloc.pods ?? 0),
      cpuRequested: cpu,
      memoryRequested: mem,
      pods: count,
    },
  };
}

function firstImage(o: KObject): string | undefined {
  return (
    o.spec?.template?.spec?.containers?.[0]?.image ??
    o.spec?.jobTemplate?.spec?.template?.spec?.containers?.[0]?.image
  );
}

export function workloadView(o: KObject): ObjView {
  const s = o.status ?? {};
  let desired: number;
  let ready: number;
  let updated: number | undefined;
  switch (o.kind) {
    case 'DaemonSet':
      desired = s.desiredNumberScheduled ?? 0;
      ready = s.numberReady ?? 0;
      updated = s.updatedNumberScheduled;
      break;
    case 'Job':
      desired = o.spec?.completions ?? 1;
      ready = s.succeeded ?? 0;
      updated = s.active ?? 0;
      break;
    case 'CronJob':
      desired = 0;
      ready = (s.active ?? []).length;
      break;
    default:
      desired = o.spec?.replicas ?? 1;
      ready = s.readyReplicas ?? 0;
      updated = s.updatedReplicas;
  }
  const done = o.kind === 'Job' ? ready >= desired : ready === desired;
  const image = firstImage(o);
  return {
    ...base(o),
    status: o.kind === 'CronJob' ? (o.spec?.schedule ?? '') : `${ready}/${desired}`,
    tone: o.metadata.deletionTimestamp
      ? 'idle'
      : done
        ? o.kind === 'Job'
          ? 'done'
          : 'ok'
        : 'progress',
    workload: {
      desired,
      ready,
      ...(updated !== undefined ? { updated } : {}),
      ...(image ? { image } : {}),
    },
  };
}

export function serviceView(svc: KObject, podsInNamespace: KObject[]): ObjView {
  const sel = svc.spec?.selector as Record<string, string> | undefined;
  const endpoints: string[] = [];
  if (sel && Object.keys(sel).length > 0) {
    for (const p of podsInNamespace) {
      if (
        !p.metadata.deletionTimestamp &&
        isPodReady(p) &&
        labelSelectorMatches({ matchLabels: sel }, p.metadata.labels)
      )
        endpoints.push(p.metadata.uid);
    }
  }
  const ports = (
    (svc.spec?.ports ?? []) as { port: number; protocol?: string; nodePort?: number }[]
  )
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
    .join(',');
  const type: string = svc.spec?.type ?? 'ClusterIP';
  return {
    ...base(svc),
    status: type,
    tone: endpoints.length > 0 || !sel ? 'ok' : 'warn',
    service: {
      type,
      ...(svc.spec?.clusterIP ? { clusterIP: svc.spec.clusterIP as string } : {}),
      ports,
      endpoints: endpoints.sort(),
    },
  };
}

export function eventView(e: KObject): EventView {
  const io = e.involvedObject ?? {};
  const t = Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp);
  return {
    id: e.metadata.uid,
    time: Number.isNaN(t) ? 0 : t,
    type: e.type === 'Warning' ? 'Warning' : 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? '',
    object: `${String(io.kind ?? '').toLowerCase()}/${io.name ?? ''}`,
    ...(e.metadata.namespace ? { namespace: e.metadata.namespace } : {}),
    count: e.count ?? 1,
    source: e.source?.component ?? e.reportingComponent ?? '',
  };
}

/** Pods indexed once per batch (by node and by namespace), so views are not O(pods) each. */
export class PodIndex {
  private byNode?: Map<string, KObject[]>;
  private byNamespace?: Map<string, KObject[]>;
  constructor(private store: ApiStore) {}

  onNode(node: string): KObject[] {
    if (!this.byNode) this.byNode = groupBy(this.store.list('Pod'), (p) => p.spec?.nodeName);
    return this.byNode.get(node) ?? [];
  }

  inNamespace(ns: string | undefined): KObject[] {
    if (!this.byNamespace)
      this.byNamespace = groupBy(this.store.list('Pod'), (p) => p.metadata.namespace);
    return this.byNamespace.get(ns ?? '') ?? [];
  }
}

function groupBy(pods: KObject[], key: (p: KObject) => string | undefined): Map<string, KObject[]> {
  const m = new Map<string, KObject[]>();
  for (const p of pods) {
    const k = key(p);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(p);
    else m.set(k, [p]);
  }
  return m;
}

/** The view of any drawn object, or undefined for kinds the UI does not draw. */
export function viewOf(o: KObject, pods: PodIndex): ObjView | undefined {
  switch (o.kind) {
    case 'Pod':
      return podView(o);
    case 'Node':
      return nodeView(o, pods.onNode(o.metadata.name));
    case 'Service':
      return serviceView(o, pods.inNamespace(o.metadata.namespace));
    case 'Namespace':
      return {
        ...base(o),
        status: o.status?.phase ?? 'Active',
        tone: o.metadata.deletionTimestamp ? 'idle' : 'ok',
      };
    default:
      return VIEW_KINDS.has(o.kind) ? workloadView(o) : undefined;
  }
}
