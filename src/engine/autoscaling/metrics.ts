/**
 * The metrics half of the HPA: per metric spec, read pod usage from the resource metrics pipeline
 * (kubelet/metrics.ts podUsage, what metrics-server serves), ask the replica calculator, and keep
 * the largest proposal. Mirrors k/k:pkg/controller/podautoscaler/horizontal.go
 * computeReplicasForMetrics and computeStatusForResourceMetric, with their error wording.
 */
import type { Json } from '../clock';
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import { rfc3339 } from '../clock';
import { setCondition } from '../api/podutil';
import { fromLabelSelector } from '../api/selectors';
import { events } from '../events';
import { podUsage } from '../kubelet/metrics';
import { formatMilliCpu } from '../cluster/quantity';
import { getResourceReplicas, type PodMetric, type ResourceName } from './replica-calculator';
import type { Condition } from './normalize';

export const HPA_CONTROLLER = 'horizontal-pod-autoscaler';
/** metrics-server `--metric-resolution` default 15 s: the window a usage sample covers. */
export const METRICS_WINDOW_MS = 15_000;
/** `autoscaling.DefaultCPUUtilization`: the metric of an HPA without metrics. */
export const DEFAULT_CPU_UTILIZATION = 80;

/** The HPA status being assembled (conditions as `setCondition` edits them). */
export type HpaStatus = { conditions: Condition[] } & Record<
  string,
  Json | Condition[] | undefined
>;

interface MetricSpec {
  type: string;
  resource?: {
    name: string;
    target: { type: string; averageUtilization?: number; averageValue?: string };
  };
}

interface MetricOutcome {
  replicas: number;
  name: string;
  status: Json;
}

export function cond(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
): Condition {
  return { type, status, reason, message };
}

function namespaceOf(o: KObject): string {
  return o.metadata.namespace ?? 'default';
}

/** The largest proposal over the HPA's metrics, or undefined when every metric failed. */
export function computeReplicasForMetrics(
  sim: Simulation,
  hpa: KObject,
  target: KObject,
  current: number,
  status: HpaStatus,
  now: number,
): { replicas: number; metric: string; statuses: Json[] } | undefined {
  const specs: MetricSpec[] = hpa.spec?.metrics?.length
    ? hpa.spec.metrics
    : [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION },
          },
        },
      ];
  const pods = target.spec?.selector
    ? sim.store.list('Pod', {
        namespace: namespaceOf(hpa),
        labelSelector: fromLabelSelector(target.spec.selector),
      })
    : [];
  let best: MetricOutcome | undefined;
  const statuses: Json[] = [];
  let firstError: string | undefined;
  let invalid = 0;
  for (const spec of specs) {
    const r = computeResource(sim, spec, pods, current, now);
    if ('error' in r) {
      invalid++;
      const resName = spec.resource?.name ?? spec.type;
      events(sim).record(hpa, 'Warning', 'FailedGetResourceMetric', r.error, {
        component: HPA_CONTROLLER,
      });
      setCondition(
        status,
        cond(
          'ScalingActive',
          'False',
          'FailedGetResourceMetric',
          `the HPA was unable to compute the replica count: ${r.error}`,
        ),
        rfc3339(now),
      );
      firstError ??= `failed to get ${resName} resource metric value: ${r.error}`;
      statuses.push({ type: '' });
      continue;
    }
    statuses.push(r.status);
    if (!best || r.replicas > best.replicas) best = r;
  }
  if (invalid > 0 && (invalid === specs.length || !best)) {
    const msg = `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError}`;
    events(sim).record(hpa, 'Warning', 'FailedComputeMetricsReplicas', msg, {
      component: HPA_CONTROLLER,
    });
    return undefined;
  }
  if (!best) return undefined;
  setCondition(
    status,
    cond(
      'ScalingActive',
      'True',
      'ValidMetricFound',
      `the HPA was able to successfully calculate a replica count from ${best.name}`,
    ),
    rfc3339(now),
  );
  return { replicas: best.replicas, metric: best.name, statuses };
}

function computeResource(
  sim: Simulation,
  spec: MetricSpec,
  pods: KObject[],
  current: number,
  now: number,
): MetricOutcome | { error: string } {
  const res = spec.resource?.name as ResourceName | undefined;
  if (spec.type !== 'Resource' || (res !== 'cpu' && res !== 'memory'))
    return { error: `unsupported metric source type "${spec.type}"` };
  const metrics: Record<string, PodMetric> = {};
  for (const p of pods) {
    const u = podUsage(sim, p);
    if (u)
      metrics[p.metadata.name] = {
        value: u.total[res],
        timestamp: now,
        windowMs: METRICS_WINDOW_MS,
      };
  }
  const targetUtil = spec.resource!.target.averageUtilization ?? DEFAULT_CPU_UTILIZATION;
  const r = getResourceReplicas({
    currentReplicas: current,
    targetUtilization: targetUtil,
    resource: res,
    pods,
    metrics,
    now,
  });
  if (!r.ok) return { error: `failed to get ${res} utilization: ${r.error}` };
  const averageValue = res === 'cpu' ? formatMilliCpu(r.rawUtilization) : String(r.rawUtilization);
  return {
    replicas: r.replicas,
    name: `${res} resource utilization (percentage of request)`,
    status: {
      type: 'Resource',
      resource: { name: res, current: { averageUtilization: r.utilization, averageValue } },
    },
  };
}
