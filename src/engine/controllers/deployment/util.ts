/**
 * Deployment helpers (k/k:pkg/controller/deployment/util/deployment_util.go), shared with kubectl
 * (rollout history / undo use `revisionOf`, `findNewReplicaSet`, `listReplicaSetsOwnedBy`, `computeHash`).
 */
import type { Simulation } from '../../sim';
import type { KObject } from '../../api/types';
import { controllerOf, deepClone, jsonEqual } from '../../api/types';
import { parseTime } from '../../clock';
import { scaledValue } from '../util/intstr';
import { computeHash as computeTemplateHash } from '../util/hash';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** DefaultDeploymentUniqueLabelKey (kubernetes/api:apps/v1/types.go). */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** maxRevHistoryLengthInChars (deployment_util.go). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;
/** Annotations never copied from a Deployment to its ReplicaSets (`skipCopyAnnotation`). */
const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);
const MAX_INT32 = 2147483647;

/** apps/v1 defaults (SetDefaults_Deployment) applied to a working copy. */
export function withDefaults(d: KObject): KObject {
  const c = deepClone(d);
  c.spec ??= {};
  c.spec.replicas ??= 1;
  c.spec.strategy ??= {};
  c.spec.strategy.type ??= 'RollingUpdate';
  if (c.spec.strategy.type === 'RollingUpdate') {
    c.spec.strategy.rollingUpdate ??= {};
    c.spec.strategy.rollingUpdate.maxSurge ??= '25%';
    c.spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
  }
  c.spec.revisionHistoryLimit ??= 10;
  c.spec.progressDeadlineSeconds ??= 600;
  c.spec.minReadySeconds ??= 0;
  c.status ??= {};
  return c;
}

export const replicasOf = (o: KObject | undefined): number => (o ? (o.spec?.replicas ?? 1) : 0);

export function computeHash(template: unknown, collisionCount?: number | null): string {
  return computeTemplateHash(template, collisionCount);
}

/** `Revision(obj)`: the revision annotation as a number (0 when missing). */
export function revisionOf(rs: KObject): number {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  return v && /^\d+$/.test(v) ? Number(v) : 0;
}

export function maxRevision(rss: KObject[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** `ReplicaSetsByCreationTimestamp`: oldest first, ties by name. */
export function byCreation(a: KObject, b: KObject): number {
  const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** `EqualIgnoreHash`: templates equal once the pod-template-hash label is dropped. */
export function equalIgnoreHash(a: KObject['spec'], b: KObject['spec']): boolean {
  const strip = (t: KObject['spec']) => {
    const c = deepClone(t ?? {});
    if (c.metadata?.labels) {
      delete c.metadata.labels[POD_TEMPLATE_HASH_LABEL];
      if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
    }
    if (c.metadata && Object.keys(c.metadata).length === 0) delete c.metadata;
    return c;
  };
  return jsonEqual(strip(a), strip(b));
}

/** `FindNewReplicaSet`: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: KObject, rsList: KObject[]): KObject | undefined {
  return [...rsList]
    .sort(byCreation)
    .find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** `FindOldReplicaSets`: every other ReplicaSet (all, and those with replicas > 0). */
export function findOldReplicaSets(
  d: KObject,
  rsList: KObject[],
): { required: KObject[]; all: KObject[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
  return { all, required: all.filter((rs) => replicasOf(rs) !== 0) };
}

/** ReplicaSets whose controllerRef is this Deployment. */
export function listReplicaSetsOwnedBy(sim: Simulation, d: KObject): KObject[] {
  return sim.store
    .list('ReplicaSet', { namespace: d.metadata.namespace })
    .filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
}

export const filterActive = (rss: (KObject | undefined)[]): KObject[] =>
  rss.filter((rs): rs is KObject => !!rs && replicasOf(rs) > 0);
export const sumSpec = (rss: (KObject | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
export const sumStatus = (rss: (KObject | undefined)[], field: string): number =>
  rss.reduce((n, rs) => n + ((rs?.status?.[field] as number | undefined) ?? 0), 0);

export const isRollingUpdate = (d: KObject): boolean => d.spec.strategy?.type === 'RollingUpdate';

/** `ResolveFenceposts`: surge rounds up, unavailable down; 0/0 becomes unavailable 1. */
export function resolveFenceposts(d: KObject): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const desired = replicasOf(d);
  const surge = scaledValue(ru.maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(ru.maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: KObject): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

export function maxUnavailable(d: KObject): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicasOf(d));
}

/** `NewRSNewReplicas`: how far the new ReplicaSet may grow now. */
export function newRSNewReplicas(
  d: KObject,
  allRSs: (KObject | undefined)[],
  newRS: KObject,
): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const surge = scaledValue(d.spec.strategy.rollingUpdate?.maxSurge ?? 0, replicasOf(d), true);
  const current = sumSpec(allRSs);
  const maxTotal = replicasOf(d) + surge;
  if (current >= maxTotal) return replicasOf(newRS);
  return replicasOf(newRS) + Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
}

export const hasProgressDeadline = (d: KObject): boolean =>
  d.spec.progressDeadlineSeconds !== undefined &&
  d.spec.progressDeadlineSeconds !== null &&
  d.spec.progressDeadlineSeconds !== MAX_INT32;
export const hasRevisionHistoryLimit = (d: KObject): boolean =>
  d.spec.revisionHistoryLimit !== undefined &&
  d.spec.revisionHistoryLimit !== null &&
  d.spec.revisionHistoryLimit !== MAX_INT32;

/** `SetReplicasAnnotations`: desired-replicas and max-replicas; true if changed. */
export function setReplicasAnnotations(rs: KObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: KObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return (
    a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max)
  );
}

/** `SetNewReplicaSetAnnotations`: copies annotations, raises the revision, keeps revision history. */
export function setNewReplicaSetAnnotations(
  d: KObject,
  rs: KObject,
  newRevision: number,
  exists: boolean,
): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) {
    if (SKIP_COPY.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldRevision = a[REVISION_ANNOTATION];
  const had = oldRevision !== undefined;
  let oldInt = 0;
  if (had) {
    if (!/^\d+$/.test(oldRevision)) return false;
    oldInt = Number(oldRevision);
  }
  if (oldInt < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
  }
  if (had && oldInt < newRevision) {
    const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
    let olds = history.split(',');
    if (olds[0].length === 0) a[REVISION_HISTORY_ANNOTATION] = oldRevision;
    else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < olds.length)
        total -= olds[start++].length + 1;
      if (total <= MAX_REV_HISTORY_LENGTH_IN_CHARS) {
        olds = [...olds.slice(start), oldRevision];
        a[REVISION_HISTORY_ANNOTATION] = olds.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d)))
    changed = true;
  return changed;
}

/** `IsSaturated`: the new ReplicaSet runs every desired replica, all available. */
export function isSaturated(d: KObject, rs: KObject | undefined): boolean {
  if (!rs) return false;
  const desired = Number(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]);
  if (!Number.isInteger(desired)) return false;
  return (
    replicasOf(rs) === replicasOf(d) &&
    desired === replicasOf(d) &&
    (rs.status?.availableReplicas ?? 0) === replicasOf(d)
  );
}

/** `GetProportion` / `getReplicaSetFraction` for proportional scaling. */
export function getProportion(
  rs: KObject | undefined,
  d: KObject,
  toAdd: number,
  added: number,
): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: KObject, d: KObject): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const maxReplicas = replicasOf(d) + maxSurge(d);
  const ann = Number(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION]);
  let before = Number.isInteger(ann) ? ann : 0;
  // Without the annotation, fall back to the current deployment size.
  if (!before) before = d.status?.replicas ?? 0;
  if (!before) return 0;
  const size = (replicasOf(rs) * maxReplicas) / before;
  return Math.round(size) - replicasOf(rs);
}
