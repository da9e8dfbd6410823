/**
 * Desired replicas for a resource utilization target, as
 * k/k:pkg/controller/podautoscaler/replica_calculator.go GetResourceReplicas computes them:
 * pods grouped into ready / unready / missing-metrics / ignored, utilization = Σusage / Σrequests
 * over pods with metrics, tolerance, then the conservative rebalancing of missing and unready pods.
 */
import type { KObject } from '../api/types';
import { getCondition } from '../api/podutil';
import { parseTime } from '../clock';
import { milliCpu, parseQuantity } from '../cluster/quantity';

/** `--horizontal-pod-autoscaler-tolerance` default 0.1. */
export const HPA_TOLERANCE = 0.1;
/** `--horizontal-pod-autoscaler-cpu-initialization-period` default 5 minutes. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** `--horizontal-pod-autoscaler-initial-readiness-delay` default 30 s. */
export const DELAY_OF_INITIAL_READINESS_STATUS_MS = 30_000;

export type ResourceName = 'cpu' | 'memory';

export interface PodMetric {
  /** millicores for cpu, bytes for memory */
  value: number;
  timestamp: number;
  windowMs: number;
}

export interface ReplicaInput {
  currentReplicas: number;
  targetUtilization: number;
  resource: ResourceName;
  pods: KObject[];
  metrics: Record<string, PodMetric>;
  now: number;
  tolerance?: number;
}

export type ReplicaResult =
  | { ok: true; replicas: number; utilization: number; rawUtilization: number }
  | { ok: false; error: string };

interface Groups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** `groupPods` */
export function groupPods(
  pods: KObject[],
  metrics: Record<string, PodMetric>,
  resource: ResourceName,
  now: number,
): Groups {
  const g: Groups = {
    readyPodCount: 0,
    unready: new Set(),
    missing: new Set(),
    ignored: new Set(),
  };
  for (const pod of pods) {
    const name = pod.metadata.name;
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      g.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      g.unready.add(name);
      continue;
    }
    const metric = metrics[name];
    if (!metric) {
      g.missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const cond = getCondition(pod, 'Ready');
      const start = parseTime(pod.status?.startTime);
      let unready: boolean;
      if (!cond || start === undefined) unready = true;
      else {
        const transition = parseTime(cond.lastTransitionTime) ?? 0;
        if (start + CPU_INITIALIZATION_PERIOD_MS > now) {
          // Still initialising: skip unready pods and samples taken before one full window of readiness.
          unready = cond.status === 'False' || metric.timestamp < transition + metric.windowMs;
        } else {
          // Ignore only pods that are unready and have never been ready.
          unready =
            cond.status === 'False' && start + DELAY_OF_INITIAL_READINESS_STATUS_MS > transition;
        }
      }
      if (unready) {
        g.unready.add(name);
        continue;
      }
    }
    g.readyPodCount++;
  }
  return g;
}

/** `calculatePodRequests`: every container must request the resource. */
export function podRequests(
  pods: KObject[],
  resource: ResourceName,
): Record<string, number> | string {
  const out: Record<string, number> = {};
  for (const pod of pods) {
    let sum = 0;
    for (const c of (pod.spec?.containers ?? []) as KObject[]) {
      const q = c.resources?.requests?.[resource];
      if (q === undefined)
        return `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`;
      sum += resource === 'cpu' ? milliCpu(q) : parseQuantity(q);
    }
    out[pod.metadata.name] = sum;
  }
  return out;
}

/** `GetResourceUtilizationRatio`: integer percentage of requests, ratio against the target. */
export function utilizationRatio(
  metrics: Record<string, PodMetric>,
  requests: Record<string, number>,
  target: number,
) {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let n = 0;
  for (const name of Object.keys(metrics).sort()) {
    if (requests[name] === undefined) continue;
    metricsTotal += metrics[name].value;
    requestsTotal += requests[name];
    n++;
  }
  if (requestsTotal === 0) return undefined;
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / target, utilization, rawUtilization: Math.trunc(metricsTotal / n) };
}

export function getResourceReplicas(input: ReplicaInput): ReplicaResult {
  const { currentReplicas, targetUtilization, resource, pods, now } = input;
  const tolerance = input.tolerance ?? HPA_TOLERANCE;
  if (Object.keys(input.metrics).length === 0) {
    return {
      ok: false,
      error: `unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`,
    };
  }
  if (pods.length === 0)
    return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const metrics: Record<string, PodMetric> = {};
  const known = new Set(pods.map((p) => p.metadata.name));
  for (const [k, v] of Object.entries(input.metrics)) if (known.has(k)) metrics[k] = v;
  const g = groupPods(pods, metrics, resource, now);
  for (const n of [...g.ignored, ...g.unready]) delete metrics[n];
  const requests = podRequests(pods, resource);
  if (typeof requests === 'string') return { ok: false, error: requests };
  if (Object.keys(metrics).length === 0)
    return {
      ok: false,
      error: 'did not receive metrics for targeted pods (pods might be unready)',
    };
  const first = utilizationRatio(metrics, requests, targetUtilization);
  if (!first) return { ok: false, error: 'no metrics returned matched known pods' };
  const { ratio, utilization, rawUtilization } = first;
  const keep = { ok: true as const, replicas: currentReplicas, utilization, rawUtilization };
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1.0;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1.0 - ratio) <= tolerance) return keep;
    return { ...keep, replicas: Math.ceil(ratio * g.readyPodCount) };
  }
  if (g.missing.size > 0) {
    // Scale-down: missing pods count as using 100% of their request (or the target if above 100%);
    // scale-up: as using nothing.
    const fallback = Math.max(100, targetUtilization);
    for (const n of g.missing) {
      if (ratio < 1.0)
        metrics[n] = { value: (requests[n] * fallback) / 100, timestamp: now, windowMs: 0 };
      else if (ratio > 1.0) metrics[n] = { value: 0, timestamp: now, windowMs: 0 };
    }
  }
  if (scaleUpWithUnready)
    for (const n of g.unready) metrics[n] = { value: 0, timestamp: now, windowMs: 0 };
  const next = utilizationRatio(metrics, requests, targetUtilization);
  if (!next) return keep;
  const newRatio = next.ratio;
  if (
    Math.abs(1.0 - newRatio) <= tolerance ||
    (ratio < 1.0 && newRatio > 1.0) ||
    (ratio > 1.0 && newRatio < 1.0)
  )
    return keep;
  const newReplicas = Math.ceil(newRatio * Object.keys(metrics).length);
  if (
    (newRatio < 1.0 && newReplicas > currentReplicas) ||
    (newRatio > 1.0 && newReplicas < currentReplicas)
  )
    return keep;
  return { ...keep, replicas: newReplicas };
}
