/**
 * Workload defaults: `k/k:pkg/apis/apps/v1/defaults.go` (Deployment, ReplicaSet, DaemonSet,
 * StatefulSet) and `k/k:pkg/apis/batch/v1/defaults.go` (Job, CronJob). The pod templates get the
 * PodSpec defaults (not the Pod-only ones) as the generated SetObjectDefaults_* functions do.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { setDefaultsPodTemplate } from './pod';

/** DeploymentSpec "Defaults to 10" / "Defaults to 600s"; RollingUpdateDeployment 25% / 25%. */
export const DEPLOYMENT_DEFAULTS = {
  replicas: 1,
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
  maxUnavailable: '25%',
  maxSurge: '25%',
} as const;
/** RollingUpdateDaemonSet: maxUnavailable 1, maxSurge 0; revisionHistoryLimit 10. */
export const DAEMONSET_DEFAULTS = {
  maxUnavailable: 1,
  maxSurge: 0,
  revisionHistoryLimit: 10,
} as const;
/** StatefulSetSpec defaults. */
export const STATEFULSET_DEFAULTS = {
  replicas: 1,
  partition: 0,
  revisionHistoryLimit: 10,
} as const;
/** JobSpec.backoffLimit "Defaults to 6". */
export const DEFAULT_BACKOFF_LIMIT = 6;
/** `math.MaxInt32`: the backoffLimit when backoffLimitPerIndex is set. */
export const MAX_INT32 = 2147483647;
/** CronJobSpec: successfulJobsHistoryLimit 3, failedJobsHistoryLimit 1. */
export const CRONJOB_DEFAULTS = {
  successfulJobsHistoryLimit: 3,
  failedJobsHistoryLimit: 1,
} as const;

const isObj = (v: unknown): v is Record<string, any> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

export function setDefaultsDeployment(d: any): void {
  const spec = isObj(d.spec) ? d.spec : (d.spec = {});
  spec.replicas ??= DEPLOYMENT_DEFAULTS.replicas;
  const strategy = isObj(spec.strategy) ? spec.strategy : (spec.strategy = {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = isObj(strategy.rollingUpdate)
      ? strategy.rollingUpdate
      : (strategy.rollingUpdate = {});
    ru.maxUnavailable ??= DEPLOYMENT_DEFAULTS.maxUnavailable;
    ru.maxSurge ??= DEPLOYMENT_DEFAULTS.maxSurge;
  }
  spec.revisionHistoryLimit ??= DEPLOYMENT_DEFAULTS.revisionHistoryLimit;
  spec.progressDeadlineSeconds ??= DEPLOYMENT_DEFAULTS.progressDeadlineSeconds;
  setDefaultsPodTemplate(spec.template);
}

export function setDefaultsReplicaSet(rs: any): void {
  const spec = isObj(rs.spec) ? rs.spec : (rs.spec = {});
  spec.replicas ??= 1;
  setDefaultsPodTemplate(spec.template);
}

export function setDefaultsDaemonSet(ds: any): void {
  const spec = isObj(ds.spec) ? ds.spec : (ds.spec = {});
  const us = isObj(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
  us.type ||= 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = isObj(us.rollingUpdate) ? us.rollingUpdate : (us.rollingUpdate = {});
    ru.maxUnavailable ??= DAEMONSET_DEFAULTS.maxUnavailable;
    ru.maxSurge ??= DAEMONSET_DEFAULTS.maxSurge;
  }
  spec.revisionHistoryLimit ??= DAEMONSET_DEFAULTS.revisionHistoryLimit;
  setDefaultsPodTemplate(spec.template);
}

export function setDefaultsStatefulSet(sts: any): void {
  const spec = isObj(sts.spec) ? sts.spec : (sts.spec = {});
  spec.podManagementPolicy ||= 'OrderedReady';
  const us = isObj(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
  if (!us.type) {
    us.type = 'RollingUpdate';
    us.rollingUpdate ??= {};
  }
  if (us.type === 'RollingUpdate' && isObj(us.rollingUpdate))
    us.rollingUpdate.partition ??= STATEFULSET_DEFAULTS.partition;
  // StatefulSetAutoDeletePVC is GA (1.32): the retention policy is always filled in.
  const retention = isObj(spec.persistentVolumeClaimRetentionPolicy)
    ? spec.persistentVolumeClaimRetentionPolicy
    : (spec.persistentVolumeClaimRetentionPolicy = {});
  retention.whenDeleted ||= 'Retain';
  retention.whenScaled ||= 'Retain';
  spec.replicas ??= STATEFULSET_DEFAULTS.replicas;
  spec.revisionHistoryLimit ??= STATEFULSET_DEFAULTS.revisionHistoryLimit;
  setDefaultsPodTemplate(spec.template);
  for (const pvc of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) {
    if (isObj(pvc?.spec)) pvc.spec.volumeMode ??= 'Filesystem';
  }
}

/** The JobSpec part of SetDefaults_Job, shared with nothing else (CronJob templates skip it). */
export function setDefaultsJob(job: any): void {
  const spec = isObj(job.spec) ? job.spec : (job.spec = {});
  // "For a non-parallel job, you can leave both `.spec.completions` and `.spec.parallelism` unset."
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? MAX_INT32 : DEFAULT_BACKOFF_LIMIT;
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata?.labels ?? {}).length === 0)
    job.metadata.labels = { ...templateLabels };
  spec.completionMode ||= 'NonIndexed';
  spec.suspend ??= false;
  spec.manualSelector ??= false;
  spec.podReplacementPolicy ||= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const c of rule?.onPodConditions ?? []) c.status ||= 'True';
  }
  setDefaultsPodTemplate(spec.template);
}

export function setDefaultsCronJob(cj: any): void {
  const spec = isObj(cj.spec) ? cj.spec : (cj.spec = {});
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= CRONJOB_DEFAULTS.successfulJobsHistoryLimit;
  spec.failedJobsHistoryLimit ??= CRONJOB_DEFAULTS.failedJobsHistoryLimit;
  setDefaultsPodTemplate(spec.jobTemplate?.spec?.template);
}
