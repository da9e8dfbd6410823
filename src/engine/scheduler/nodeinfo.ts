/**
 * The scheduler's view of the cluster for one cycle (`k/k:pkg/scheduler/framework/types.go NodeInfo`
 * and the cache snapshot): every node with the pods bound or assumed on it and the sums of their
 * requests, plus the image states ImageLocality reads.
 */
import type { KObject } from '../api/types';
import { milliCpu, parseQuantity } from '../cluster/quantity';
import { DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST } from './constants';

export interface Res {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
}

export interface NodeInfo {
  name: string;
  node: KObject;
  /** Pods bound or assumed on the node that are not terminal (terminating ones included). */
  pods: KObject[];
  /** Sum of actual requests (`NodeInfo.Requested`). */
  requested: Res;
  /** Sum of requests with the scoring defaults for missing ones (`NodeInfo.NonZeroRequested`). */
  nonZeroRequested: Res;
  allocatable: Res & { pods: number };
}

export interface ImageState {
  size: number;
  numNodes: number;
}

export interface Snapshot {
  nodes: NodeInfo[];
  byName: Map<string, NodeInfo>;
  /** Normalised image name → size and how many nodes have it (`ImageStateSummary`). */
  imageStates: Map<string, ImageState>;
}

export function podPriority(p: KObject): number {
  return typeof p.spec?.priority === 'number' ? p.spec.priority : 0;
}

/**
 * `resourcehelper.PodRequests`: sum of app containers, or the largest init container if larger,
 * plus overhead. With `nonZero`, a container missing a cpu or memory request counts the scheduler
 * defaults (`schedutil.GetNonzeroRequests`), as scoring does.
 */
export function podResourceRequests(p: KObject, nonZero = false): Res {
  const one = (c: { resources?: { requests?: Record<string, string | number> } }): Res => {
    const req = c.resources?.requests ?? {};
    const cpu = req.cpu === undefined && nonZero ? DEFAULT_MILLI_CPU_REQUEST : milliCpu(req.cpu);
    const memory =
      req.memory === undefined && nonZero ? DEFAULT_MEMORY_REQUEST : parseQuantity(req.memory);
    return { cpu, memory };
  };
  const total: Res = { cpu: 0, memory: 0 };
  for (const c of p.spec?.containers ?? []) {
    const r = one(c);
    total.cpu += r.cpu;
    total.memory += r.memory;
  }
  for (const ic of p.spec?.initContainers ?? []) {
    const r = one(ic);
    total.cpu = Math.max(total.cpu, r.cpu);
    total.memory = Math.max(total.memory, r.memory);
  }
  const oh = p.spec?.overhead as Record<string, string> | undefined;
  if (oh) {
    total.cpu += milliCpu(oh.cpu);
    total.memory += parseQuantity(oh.memory);
  }
  return total;
}

export function newNodeInfo(node: KObject, pods: KObject[]): NodeInfo {
  const alloc = (node.status?.allocatable ?? {}) as Record<string, string>;
  const info: NodeInfo = {
    name: node.metadata.name,
    node,
    pods: [],
    requested: { cpu: 0, memory: 0 },
    nonZeroRequested: { cpu: 0, memory: 0 },
    allocatable: {
      cpu: milliCpu(alloc.cpu),
      memory: Math.floor(parseQuantity(alloc.memory)),
      pods: Number(alloc.pods ?? 0),
    },
  };
  for (const p of pods) addPod(info, p);
  return info;
}

export function addPod(info: NodeInfo, p: KObject): void {
  info.pods.push(p);
  const r = podResourceRequests(p);
  const nz = podResourceRequests(p, true);
  info.requested.cpu += r.cpu;
  info.requested.memory += r.memory;
  info.nonZeroRequested.cpu += nz.cpu;
  info.nonZeroRequested.memory += nz.memory;
}

/** A copy of the node info without the pod with this uid (preemption's dry run). */
export function withoutPod(info: NodeInfo, uid: string): NodeInfo {
  return newNodeInfo(
    info.node,
    info.pods.filter((p) => p.metadata.uid !== uid),
  );
}

/** `normalizedImageName` in imagelocality: a name without a tag gets `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

export function buildSnapshot(nodes: KObject[], pods: KObject[]): Snapshot {
  const byNode = new Map<string, KObject[]>();
  for (const p of pods) {
    const n = p.spec?.nodeName as string | undefined;
    if (!n) continue;
    let list = byNode.get(n);
    if (!list) byNode.set(n, (list = []));
    list.push(p);
  }
  const infos = nodes.map((n) => newNodeInfo(n, byNode.get(n.metadata.name) ?? []));
  const imageStates = new Map<string, ImageState>();
  for (const n of nodes) {
    const seen = new Set<string>();
    for (const img of (n.status?.images ?? []) as { names?: string[]; sizeBytes?: number }[]) {
      for (const name of img.names ?? []) {
        if (seen.has(name)) continue;
        seen.add(name);
        const st = imageStates.get(name) ?? { size: img.sizeBytes ?? 0, numNodes: 0 };
        st.numNodes++;
        imageStates.set(name, st);
      }
    }
  }
  return withNodes(infos, imageStates);
}

export function withNodes(infos: NodeInfo[], imageStates: Map<string, ImageState>): Snapshot {
  return { nodes: infos, byName: new Map(infos.map((i) => [i.name, i])), imageStates };
}

/** The snapshot with one node's info replaced (for preemption's what-if filtering). */
export function replaceNode(s: Snapshot, info: NodeInfo): Snapshot {
  return withNodes(
    s.nodes.map((n) => (n.name === info.name ? info : n)),
    s.imageStates,
  );
}
