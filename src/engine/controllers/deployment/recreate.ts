/** Recreate (k/k:pkg/controller/deployment/recreate.go): old pods all gone before the new RS scales up. */
import type { KObject } from '../../api/types';
import type { DeploymentContext } from './context';
import { filterActive, replicasOf, sumStatus } from './util';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import { syncRolloutStatus } from './progress';
import { deploymentComplete } from './status';

export function rolloutRecreate(
  ctx: DeploymentContext,
  rsList: KObject[],
  podMap: Map<string, KObject[]>,
): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  let allRSs = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) if (ctx.scaleAndRecord(rs, 0)[0]) scaledDown = true;
  if (scaledDown) return syncRolloutStatus(ctx, allRSs, newRS);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(ctx, allRSs, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  // scaleUpNewReplicaSetForRecreate
  if (newRS) ctx.scaleAndRecord(newRS, replicasOf(ctx.d));
  if (deploymentComplete(ctx.d, ctx.d.status)) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, allRSs, newRS);
}

/** `oldPodsRunning`: any old RS still reports replicas, or any old pod is not Succeeded/Failed. */
export function oldPodsRunning(
  newRS: KObject | undefined,
  oldRSs: KObject[],
  podMap: Map<string, KObject[]>,
): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const p of pods)
      if (p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded') return true;
  }
  return false;
}
