/**
 * `syncRolloutStatus` and `requeueStuckDeployment` (k/k:pkg/controller/deployment/progress.go):
 * Progressing/Available conditions and the progress deadline.
 */
import type { KObject } from '../../api/types';
import { jsonEqual } from '../../api/types';
import { parseTime } from '../../clock';
import type { DeploymentContext } from './context';
import { hasProgressDeadline } from './util';
import {
  calculateStatus,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  newCondition,
  NEW_RS_AVAILABLE_REASON,
  removeDeploymentCondition,
  REPLICASET_UPDATED_REASON,
  setDeploymentCondition,
  TIMED_OUT_REASON,
  type DeploymentCondition,
} from './status';

export function syncRolloutStatus(
  ctx: DeploymentContext,
  allRSs: (KObject | undefined)[],
  newRS: KObject | undefined,
): void {
  const d = ctx.d;
  const now = ctx.now();
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(status, 'Progressing');
  const cur = getDeploymentCondition(d.status, 'Progressing');
  const isComplete =
    status.replicas === status.updatedReplicas && cur?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isComplete) {
    const rsName = newRS?.metadata.name;
    if (deploymentComplete(d, status)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has successfully progressed.`
        : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setDeploymentCondition(
        status,
        newCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, msg, now),
      );
    } else if (deploymentProgressing(d, status)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" is progressing.`
        : `Deployment "${d.metadata.name}" is progressing.`;
      const c: DeploymentCondition = newCondition(
        'Progressing',
        'True',
        REPLICASET_UPDATED_REASON,
        msg,
        now,
      );
      // Progressing refreshes lastUpdateTime even with the same reason (progress.go comment).
      if (cur) {
        if (cur.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
        removeDeploymentCondition(status, 'Progressing');
      }
      setDeploymentCondition(status, c);
    } else if (deploymentTimedOut(d, status, now)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has timed out progressing.`
        : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setDeploymentCondition(
        status,
        newCondition('Progressing', 'False', TIMED_OUT_REASON, msg, now),
      );
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) setDeploymentCondition(status, failure);
  else removeDeploymentCondition(status, 'ReplicaFailure');
  if (jsonEqual(d.status, status)) {
    requeueStuckDeployment(ctx, status);
    return;
  }
  d.status = status;
  ctx.updateStatus();
}

/** `getReplicaFailures`: the new RS's ReplicaFailure condition, else an old one's. */
function replicaFailure(
  allRSs: (KObject | undefined)[],
  newRS: KObject | undefined,
): DeploymentCondition | undefined {
  const fromRS = (rs: KObject | undefined) => {
    const c = (rs?.status?.conditions ?? []).find(
      (x: { type: string }) => x.type === 'ReplicaFailure',
    );
    return c
      ? {
          type: 'ReplicaFailure',
          status: c.status,
          reason: c.reason,
          message: c.message,
          lastUpdateTime: c.lastTransitionTime,
          lastTransitionTime: c.lastTransitionTime,
        }
      : undefined;
  };
  if (newRS) {
    const c = fromRS(newRS);
    if (c) return c;
  }
  for (const rs of allRSs) {
    if (rs === newRS) continue;
    const c = fromRS(rs);
    if (c) return c;
  }
  return undefined;
}

/** Re-checks a stalled rollout when its progress deadline passes (kubernetes#34458). */
function requeueStuckDeployment(ctx: DeploymentContext, status: Record<string, unknown>): void {
  const d = ctx.d;
  const cur = getDeploymentCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !cur) return;
  if (deploymentComplete(d, status) || cur.reason === TIMED_OUT_REASON) return;
  const after =
    (parseTime(cur.lastUpdateTime) ?? 0) + d.spec.progressDeadlineSeconds * 1000 - ctx.now();
  if (after < 1000) ctx.requeue.rateLimited();
  // Background: a rollout that completes meanwhile leaves nothing to do at the deadline.
  else ctx.requeue.after(after + 1000, true);
}
