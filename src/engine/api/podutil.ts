/** Pod helpers shared by every component (`k8s.io/kubernetes/pkg/api/v1/pod` util). */
import type { KObject } from './types';
import { parseTime } from '../clock';
import { milliCpu, parseQuantity } from '../cluster/quantity';

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
  lastUpdateTime?: string;
  lastHeartbeatTime?: string;
}

export function getCondition(o: KObject | undefined, type: string): Condition | undefined {
  return (o?.status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);
}

/**
 * Sets a condition in a (mutable) status, keeping lastTransitionTime unless the status changed,
 * as `podutil.UpdatePodCondition` does. Returns true if anything changed.
 */
export function setCondition(
  status: { conditions?: Condition[] },
  c: Condition,
  nowIso: string,
): boolean {
  const list = (status.conditions ??= []);
  const i = list.findIndex((x) => x.type === c.type);
  if (i < 0) {
    list.push({ ...c, lastTransitionTime: c.lastTransitionTime ?? nowIso });
    return true;
  }
  const old = list[i];
  const next = {
    ...old,
    ...c,
    lastTransitionTime:
      old.status === c.status ? old.lastTransitionTime : (c.lastTransitionTime ?? nowIso),
  };
  if (JSON.stringify(next) === JSON.stringify(old)) return false;
  list[i] = next;
  return true;
}

export function isPodReady(p: KObject): boolean {
  return getCondition(p, 'Ready')?.status === 'True';
}

/** `podutil.IsPodAvailable`: Ready for at least minReadySeconds. */
export function isPodAvailable(p: KObject, minReadySeconds: number, now: number): boolean {
  const c = getCondition(p, 'Ready');
  if (c?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const t = parseTime(c.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 <= now;
}

export function isPodTerminal(p: KObject): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

/** `controller.IsPodActive`: not terminal and not being deleted. */
export function isPodActive(p: KObject): boolean {
  return !isPodTerminal(p) && !p.metadata.deletionTimestamp;
}

export interface Resources {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
}

/**
 * Effective pod requests (`resourcehelper.PodRequests`): the sum of app containers, or the largest
 * init container if larger, plus pod overhead. Missing requests count as 0 here; the scheduler's
 * scoring substitutes its non-zero defaults itself.
 */
export function podRequests(p: KObject): Resources {
  const sum = (cs: KObject['spec']['containers'] | undefined) => {
    const r = { cpu: 0, memory: 0 };
    for (const c of cs ?? []) {
      // Defaulting (SetDefaults_Pod) already copied limits into missing requests.
      const req = c.resources?.requests ?? {};
      r.cpu += milliCpu(req.cpu);
      r.memory += parseQuantity(req.memory);
    }
    return r;
  };
  const app = sum(p.spec?.containers);
  for (const ic of p.spec?.initContainers ?? []) {
    const r = sum([ic]);
    app.cpu = Math.max(app.cpu, r.cpu);
    app.memory = Math.max(app.memory, r.memory);
  }
  return app;
}

export function containerRestarts(p: KObject): number {
  return ((p.status?.containerStatuses ?? []) as { restartCount?: number }[]).reduce(
    (n, c) => n + (c.restartCount ?? 0),
    0,
  );
}
