/**
 * Finding or creating the new ReplicaSet, proportional scaling, history cleanup and status
 * (k/k:pkg/controller/deployment/sync.go).
 */
import type { KObject } from '../../api/types';
import { controllerOf, deepClone, jsonEqual } from '../../api/types';
import { ApiError } from '../../api/errors';
import { newControllerRef } from '../util/ownerref';
import type { DeploymentContext } from './context';
import {
  byCreation,
  computeHash,
  equalIgnoreHash,
  filterActive,
  findNewReplicaSet,
  findOldReplicaSets,
  getProportion,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  newRSNewReplicas,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  replicasOf,
  revisionOf,
  setNewReplicaSetAnnotations,
  sumSpec,
} from './util';
import {
  calculateStatus,
  FAILED_RS_CREATE_REASON,
  FOUND_NEW_RS_REASON,
  getDeploymentCondition,
  newCondition,
  NEW_RS_REASON,
  setDeploymentCondition,
} from './status';

/** `SetDeploymentRevision`. */
function setDeploymentRevision(d: KObject, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}

/** `getNewReplicaSet`: syncs the existing new RS's annotations or creates it. */
export function getNewReplicaSet(
  ctx: DeploymentContext,
  rsList: KObject[],
  oldRSs: KObject[],
  createIfNotExisted: boolean,
): KObject | undefined {
  const d = ctx.d;
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) {
    const copy = deepClone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, copy, newRevision, true);
    const minReadyChanged = (copy.spec.minReadySeconds ?? 0) !== d.spec.minReadySeconds;
    if (annotationsUpdated || minReadyChanged) {
      return ctx.store.mutate('ReplicaSet', copy.metadata.namespace, copy.metadata.name, (o) => {
        o.metadata.annotations = copy.metadata.annotations;
        o.spec.minReadySeconds = d.spec.minReadySeconds;
      });
    }
    let needsUpdate = setDeploymentRevision(
      d,
      copy.metadata.annotations?.[REVISION_ANNOTATION] ?? '',
    );
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
      setDeploymentCondition(
        d.status,
        newCondition(
          'Progressing',
          'True',
          FOUND_NEW_RS_REASON,
          `Found new replica set "${copy.metadata.name}"`,
          ctx.now(),
        ),
      );
      needsUpdate = true;
    }
    if (needsUpdate) ctx.updateStatus();
    return existing;
  }
  if (!createIfNotExisted) return undefined;

  const hash = computeHash(d.spec.template, d.status.collisionCount);
  const template = deepClone(d.spec.template ?? {});
  template.metadata = {
    ...(template.metadata ?? {}),
    labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash },
  };
  const selector = deepClone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const newRS: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      ownerReferences: [newControllerRef(d)],
      labels: { ...template.metadata.labels },
    } as KObject['metadata'],
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds, selector, template },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = replicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);
  let created: KObject;
  let alreadyExists = false;
  try {
    created = ctx.store.create(newRS);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.reason === 'AlreadyExists') {
      const rs = ctx.store.get('ReplicaSet', d.metadata.namespace, newRS.metadata.name)!;
      if (
        controllerOf(rs)?.uid === d.metadata.uid &&
        equalIgnoreHash(d.spec.template, rs.spec.template)
      ) {
        created = rs;
        alreadyExists = true;
      } else {
        // Hash collision: bump collisionCount so the next sync computes a different name.
        d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
        ctx.updateStatus();
        throw e;
      }
    } else {
      const msg = `Failed to create new replica set "${newRS.metadata.name}": ${e.message}`;
      if (hasProgressDeadline(d)) {
        setDeploymentCondition(
          d.status,
          newCondition('Progressing', 'False', FAILED_RS_CREATE_REASON, msg, ctx.now()),
        );
        ctx.updateStatus();
      }
      ctx.event('Warning', FAILED_RS_CREATE_REASON, msg);
      throw e;
    }
  }
  if (!alreadyExists && replicas > 0)
    ctx.event(
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`,
    );
  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(d)) {
    setDeploymentCondition(
      d.status,
      newCondition(
        'Progressing',
        'True',
        NEW_RS_REASON,
        `Created new replica set "${created.metadata.name}"`,
        ctx.now(),
      ),
    );
    needsUpdate = true;
  }
  if (needsUpdate) ctx.updateStatus();
  return created;
}

/** `getAllReplicaSetsAndSyncRevision`: [newRS, all old RSs]. */
export function getAllReplicaSetsAndSyncRevision(
  ctx: DeploymentContext,
  rsList: KObject[],
  create: boolean,
): { newRS: KObject | undefined; oldRSs: KObject[] } {
  const { all } = findOldReplicaSets(ctx.d, rsList);
  const newRS = getNewReplicaSet(ctx, rsList, all, create);
  return { newRS, oldRSs: all };
}

/** `FindActiveOrLatest`. */
function findActiveOrLatest(newRS: KObject | undefined, oldRSs: KObject[]): KObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sorted = [...oldRSs].sort(byCreation).reverse();
  const active = filterActive([...sorted, newRS]);
  if (active.length === 0) return newRS ?? sorted[0];
  return active.length === 1 ? active[0] : undefined;
}

/** `scale`: scales to spec.replicas, proportionally across active ReplicaSets during a rollout. */
export function scale(ctx: DeploymentContext, newRS: KObject | undefined, oldRSs: KObject[]): void {
  const d = ctx.d;
  const target = findActiveOrLatest(newRS, oldRSs);
  if (target) {
    if (replicasOf(target) !== replicasOf(d)) ctx.scaleAndRecord(target, replicasOf(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) ctx.scaleAndRecord(old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = filterActive([...oldRSs, newRS]);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - sumSpec(all);
  let op = '';
  const newer = (a: KObject, b: KObject) => -byCreation(a, b);
  if (toAdd > 0) {
    // ReplicaSetsBySizeNewer: larger first, then newer first.
    all.sort((a, b) => replicasOf(b) - replicasOf(a) || newer(a, b));
    op = 'up';
  } else if (toAdd < 0) {
    // ReplicaSetsBySizeOlder: larger first, then older first.
    all.sort((a, b) => replicasOf(b) - replicasOf(a) || byCreation(a, b));
    op = 'down';
  }
  let added = 0;
  const size = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = getProportion(rs, d, toAdd, added);
      size.set(rs.metadata.name, replicasOf(rs) + p);
      added += p;
    } else size.set(rs.metadata.name, replicasOf(rs));
  }
  if (toAdd !== 0 && all.length > 0) {
    const leftover = toAdd - added;
    if (leftover !== 0)
      size.set(all[0].metadata.name, Math.max(0, size.get(all[0].metadata.name)! + leftover));
  }
  for (const rs of all) ctx.scaleReplicaSet(rs, size.get(rs.metadata.name)!, op);
}

/** `cleanupDeployment`: deletes the oldest unused ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(ctx: DeploymentContext, oldRSs: KObject[]): void {
  const d = ctx.d;
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - d.spec.revisionHistoryLimit;
  if (diff <= 0) return;
  cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of cleanable.slice(0, diff)) {
    if (
      (rs.status?.replicas ?? 0) !== 0 ||
      replicasOf(rs) !== 0 ||
      (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)
    )
      continue;
    if (ctx.store.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name))
      ctx.store.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  }
}

/** `syncDeploymentStatus`. */
export function syncDeploymentStatus(
  ctx: DeploymentContext,
  allRSs: (KObject | undefined)[],
  newRS: KObject | undefined,
): void {
  const status = calculateStatus(allRSs, newRS, ctx.d, ctx.now());
  if (jsonEqual(ctx.d.status, status)) return;
  ctx.d.status = status;
  ctx.updateStatus();
}

/** `sync`: scaling and paused deployments. */
export function syncScale(ctx: DeploymentContext, rsList: KObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  scale(ctx, newRS, oldRSs);
  if (ctx.d.spec.paused) cleanupDeployment(ctx, oldRSs);
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS);
}

/** `isScalingEvent`: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(ctx: DeploymentContext, rsList: KObject[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  for (const rs of filterActive([...oldRSs, newRS])) {
    const v = rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'];
    if (v === undefined || !/^\d+$/.test(v)) continue;
    if (Number(v) !== replicasOf(ctx.d)) return true;
  }
  return false;
}
