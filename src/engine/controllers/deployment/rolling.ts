/** RollingUpdate (k/k:pkg/controller/deployment/rolling.go). */
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import type { DeploymentContext } from './context';
import {
  byCreation,
  filterActive,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
  sumSpec,
  sumStatus,
} from './util';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import { syncRolloutStatus } from './progress';
import { deploymentComplete } from './status';

export function rolloutRolling(ctx: DeploymentContext, rsList: KObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, true);
  const allRSs = [...oldRSs, newRS];
  if (newRS && reconcileNewReplicaSet(ctx, allRSs, newRS))
    return syncRolloutStatus(ctx, allRSs, newRS);
  if (newRS && reconcileOldReplicaSets(ctx, allRSs, filterActive(oldRSs), newRS))
    return syncRolloutStatus(ctx, allRSs, newRS);
  if (deploymentComplete(ctx.d, ctx.d.status)) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, allRSs, newRS);
}

/** Scale up first: never above replicas + maxSurge counted over spec replicas. */
function reconcileNewReplicaSet(
  ctx: DeploymentContext,
  allRSs: (KObject | undefined)[],
  newRS: KObject,
): boolean {
  const want = replicasOf(ctx.d);
  if (replicasOf(newRS) === want) return false;
  if (replicasOf(newRS) > want) return ctx.scaleAndRecord(newRS, want)[0];
  return ctx.scaleAndRecord(newRS, newRSNewReplicas(ctx.d, allRSs, newRS))[0];
}

function reconcileOldReplicaSets(
  ctx: DeploymentContext,
  allRSs: (KObject | undefined)[],
  oldRSs: KObject[],
  newRS: KObject,
): boolean {
  if (sumSpec(oldRSs) === 0) return false;
  const allPods = sumSpec(allRSs);
  const minAvailable = replicasOf(ctx.d) - maxUnavailable(ctx.d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const { rss, cleaned } = cleanupUnhealthyReplicas(ctx, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...rss, newRS], rss);
  return cleaned + scaledDown > 0;
}

/** Removes old ReplicaSets' unavailable replicas first, oldest ReplicaSet first, within the budget. */
function cleanupUnhealthyReplicas(
  ctx: DeploymentContext,
  oldRSs: KObject[],
  maxCleanup: number,
): { rss: KObject[]; cleaned: number } {
  const rss = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < rss.length; i++) {
    if (total >= maxCleanup) break;
    const rs = rss[i];
    const available = rs.status?.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const n = Math.min(maxCleanup - total, replicasOf(rs) - available);
    if (n < 0) {
      // Status still counts pods the spec already dropped; Go refuses and retries the sync.
      throw new ApiError(
        'InternalError',
        `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${replicasOf(rs)} -> ${replicasOf(rs) - n}`,
      );
    }
    rss[i] = ctx.scaleAndRecord(rs, replicasOf(rs) - n)[1];
    total += n;
  }
  return { rss, cleaned: total };
}

/** Scales old ReplicaSets down while availability stays above replicas - maxUnavailable. */
function scaleDownOldReplicaSetsForRollingUpdate(
  ctx: DeploymentContext,
  allRSs: KObject[],
  oldRSs: KObject[],
): number {
  const minAvailable = replicasOf(ctx.d) - maxUnavailable(ctx.d);
  const available = sumStatus(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= budget) break;
    if (replicasOf(rs) === 0) continue;
    const n = Math.min(replicasOf(rs), budget - total);
    ctx.scaleAndRecord(rs, replicasOf(rs) - n);
    total += n;
  }
  return total;
}
