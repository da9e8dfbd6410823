/**
 * Simulated resource use per pod (what metrics-server reports and `kubectl top` prints): each
 * image's idle use plus CPU per request served, memory growth for leaking images; CPU above the
 * limit is throttled (capped), memory above the limit is an OOM kill (scheduled at start).
 */
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import type { Kubelet } from './kubelet';
import type { ContainerRt } from './state';
import type { ImageSpec } from './images/types';
import { lookupImage } from './images/resolve';
import { milliCpu, parseQuantity } from '../cluster/quantity';
import { requestRate } from '../proxy/load';

export interface Usage {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
  /** CPU demand exceeded the limit: the container is throttled (CFS quota). */
  throttled?: boolean;
}

export function memoryLimit(spec: KObject['spec'] | undefined): number | undefined {
  const l = spec?.resources?.limits?.memory;
  return l === undefined ? undefined : parseQuantity(l);
}

function cpuLimit(spec: KObject['spec'] | undefined): number | undefined {
  const l = spec?.resources?.limits?.cpu;
  return l === undefined ? undefined : milliCpu(l);
}

/** Memory a container uses `elapsedMs` after its start. */
export function memoryAt(image: ImageSpec, elapsedMs: number): number {
  return Math.round(image.idleMemory + (image.memoryLeakPerSec * elapsedMs) / 1000);
}

/** A starting process reaches its idle working set about a second after exec (simulated). */
export const WORKING_SET_ALLOCATION_MS = 1_000;

/** When a leaking container crosses its limit (or the node's allocatable memory): the OOM kill. */
export function oomDelayMs(
  k: Kubelet,
  _pod: KObject,
  _c: ContainerRt,
  image: ImageSpec,
  limit: number | undefined,
): number | undefined {
  // A limit below the image's working set: the cgroup OOM killer fires as soon as the process
  // has allocated it (exit 137, reason OOMKilled), whether or not it leaks.
  if (limit !== undefined && image.idleMemory > limit) return WORKING_SET_ALLOCATION_MS;
  if (image.memoryLeakPerSec <= 0) return undefined;
  const ceiling = limit ?? parseQuantity(k.node()?.status?.allocatable?.memory ?? '0');
  if (!ceiling) return undefined;
  return Math.max(0, Math.ceil(((ceiling - image.idleMemory) / image.memoryLeakPerSec) * 1000));
}

export function podUsage(
  sim: Simulation,
  pod: KObject,
): { total: Usage; containers: Record<string, Usage> } | undefined {
  const k = pod.spec?.nodeName ? sim.component<Kubelet>(`kubelet/${pod.spec.nodeName}`) : undefined;
  const rt = k?.state.pods[pod.metadata.uid];
  if (!k || !rt || !k.state.up) return undefined;
  const now = sim.now();
  const rate = requestRate(sim, pod.metadata.uid);
  const containers: Record<string, Usage> = {};
  const total: Usage = { cpu: 0, memory: 0 };
  let servingAssigned = false;
  for (const spec of pod.spec?.containers ?? []) {
    const c = rt.containers[spec.name];
    if (!c || c.state !== 'running' || !c.imageKey) continue;
    const image = lookupImage(sim, c.imageKey);
    if (!image) continue;
    // Requests reach the first serving container.
    const served = c.serving && !servingAssigned ? rate : 0;
    if (c.serving) servingAssigned = true;
    const demand = image.idleCpu + served * image.cpuPerRequest;
    const lim = cpuLimit(spec);
    const u: Usage = {
      cpu: Math.round(lim !== undefined ? Math.min(demand, lim) : demand),
      memory: memoryAt(image, now - (c.startedAt ?? now)),
    };
    if (lim !== undefined && demand > lim) u.throttled = true;
    containers[spec.name] = u;
    total.cpu += u.cpu;
    total.memory += u.memory;
    if (u.throttled) total.throttled = true;
  }
  return { total, containers };
}

/** Sum over the pods running on a node (`kubectl top node`), plus the system's own use. */
export function nodeUsage(sim: Simulation, nodeName: string): Usage | undefined {
  const k = sim.component<Kubelet>(`kubelet/${nodeName}`);
  if (!k || !k.state.up) return undefined;
  const sum: Usage = { cpu: NODE_SYSTEM_CPU_M, memory: NODE_SYSTEM_MEMORY };
  for (const rt of Object.values(k.state.pods)) {
    const pod = sim.store.get('Pod', rt.namespace, rt.name);
    const u = pod && podUsage(sim, pod);
    if (u) {
      sum.cpu += u.total.cpu;
      sum.memory += u.total.memory;
    }
  }
  return sum;
}

/** The OS, containerd and the kubelet itself use some CPU and memory on every node. */
export const NODE_SYSTEM_CPU_M = 60;
export const NODE_SYSTEM_MEMORY = 450 * 2 ** 20;
