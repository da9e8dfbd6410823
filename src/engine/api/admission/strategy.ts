/**
 * The registry strategies' `PrepareForCreate`: what each kind's REST storage sets on a new object
 * before validation (`k/k:pkg/registry/<group>/<kind>/strategy.go`). Status starts empty (the
 * status subresource owns it afterwards), pods start Pending with their QoS class, Jobs get the
 * generated selector, Namespaces the `kubernetes` finalizer.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { rfc3339 } from '../../clock';
import { parseQuantity } from '../../cluster/quantity';
import type { KObject } from '../types';

/** `batch.ControllerUidLabel`, `batch.JobNameLabel` and their legacy (unprefixed) forms. */
export const JOB_LABELS = {
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
} as const;

/** Fresh status of a kind as its PrepareForCreate leaves it (zero-valued Go structs). */
const EMPTY_STATUS: Record<string, () => Record<string, unknown>> = {
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  DaemonSet: () => ({
    currentNumberScheduled: 0,
    desiredNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
  }),
  StatefulSet: () => ({ availableReplicas: 0, replicas: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  Service: () => ({ loadBalancer: {} }),
  HorizontalPodAutoscaler: () => ({ desiredReplicas: 0 }),
  PodDisruptionBudget: () => ({
    currentHealthy: 0,
    desiredHealthy: 0,
    disruptionsAllowed: 0,
    expectedPods: 0,
  }),
};

export function prepareForCreate(obj: KObject, now: number): void {
  // Status belongs to the status subresource: whatever a create carries is replaced.
  const empty = EMPTY_STATUS[obj.kind];
  if (empty) obj.status = empty();
  if (obj.kind === 'Pod') preparePod(obj, now);
  else if (obj.kind === 'Job') prepareJob(obj);
  else if (obj.kind === 'Namespace') prepareNamespace(obj);
}

function preparePod(pod: KObject, now: number): void {
  const status: Record<string, any> = { phase: 'Pending', qosClass: podQOSClass(pod) };
  pod.status = status;
  // applySchedulingGatedCondition (pod strategy): a gated pod says so from the start.
  if ((pod.spec?.schedulingGates?.length ?? 0) > 0) {
    status.conditions = [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
        lastProbeTime: null,
        lastTransitionTime: rfc3339(now),
      },
    ];
  }
}

/** `k/k:pkg/registry/batch/job/strategy.go generateSelector`, unless spec.manualSelector is true. */
function prepareJob(job: KObject): void {
  const spec = (job.spec ??= {});
  if (spec.manualSelector === true) return;
  const template = (spec.template ??= {});
  const meta = (template.metadata ??= {});
  const labels = (meta.labels ??= {});
  const uid = job.metadata.uid;
  // User-set conflicting labels are kept here and rejected by validation.
  for (const k of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) labels[k] ??= job.metadata.name;
  for (const k of [JOB_LABELS.legacyControllerUid, JOB_LABELS.controllerUid]) labels[k] ??= uid;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  matchLabels[JOB_LABELS.controllerUid] ??= uid;
}

function prepareNamespace(ns: KObject): void {
  ns.status = { ...(ns.status ?? {}), phase: ns.status?.phase ?? 'Active' };
  const spec = (ns.spec ??= {});
  const finalizers: string[] = Array.isArray(spec.finalizers) ? spec.finalizers : [];
  if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
}

/** `k/k:pkg/apis/core/helper/qos/qos.go GetPodQOS` for containers and init containers. */
export function podQOSClass(pod: KObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers: any[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let guaranteed = true;
  for (const c of containers) {
    const req = c?.resources?.requests ?? {};
    const lim = c?.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined && parseQuantity(req[r]) !== 0)
        requests[r] = (requests[r] ?? 0) + parseQuantity(req[r]);
      if (lim[r] !== undefined && parseQuantity(lim[r]) !== 0)
        limits[r] = (limits[r] ?? 0) + parseQuantity(lim[r]);
    }
    if (lim.cpu === undefined || lim.memory === undefined) guaranteed = false;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (guaranteed) {
    for (const r of ['cpu', 'memory']) if (requests[r] !== limits[r]) guaranteed = false;
  }
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
