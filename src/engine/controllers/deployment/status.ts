/**
 * Deployment status and conditions: `calculateStatus` (sync.go), `DeploymentComplete`,
 * `DeploymentProgressing`, `DeploymentTimedOut` and the condition helpers (deployment_util.go).
 */
import type { KObject } from '../../api/types';
import { parseTime, rfc3339 } from '../../clock';
import { maxUnavailable, replicasOf, sumSpec, sumStatus, hasProgressDeadline } from './util';

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

// Condition reasons (deployment_util.go constants).
export const NEW_RS_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const REPLICASET_UPDATED_REASON = 'ReplicaSetUpdated';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_REASON = 'DeploymentPaused';
export const RESUMED_REASON = 'DeploymentResumed';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
export const MIN_AVAILABLE_REASON = 'MinimumReplicasAvailable';
export const MIN_UNAVAILABLE_REASON = 'MinimumReplicasUnavailable';

export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): DeploymentCondition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getDeploymentCondition(
  status: { conditions?: DeploymentCondition[] } | undefined,
  type: string,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** `SetDeploymentCondition`: no-op for the same status and reason; moves the condition last. */
export function setDeploymentCondition(
  status: { conditions?: DeploymentCondition[] },
  c: DeploymentCondition,
): void {
  const cur = getDeploymentCondition(status, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  const next = { ...c };
  if (cur && cur.status === c.status) next.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), next];
}

export function removeDeploymentCondition(
  status: { conditions?: DeploymentCondition[] },
  type: string,
): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
}

const actual = (rss: (KObject | undefined)[]) => sumStatus(rss, 'replicas');

/** `calculateStatus` (sync.go). */
export function calculateStatus(
  allRSs: (KObject | undefined)[],
  newRS: KObject | undefined,
  d: KObject,
  now: number,
): Record<string, unknown> & { conditions?: DeploymentCondition[] } {
  const available = sumStatus(allRSs, 'availableReplicas');
  const total = sumSpec(allRSs);
  const status: Record<string, unknown> & { conditions?: DeploymentCondition[] } = {
    observedGeneration: d.metadata.generation,
    replicas: actual(allRSs),
    updatedReplicas: actual([newRS]),
    readyReplicas: sumStatus(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    terminatingReplicas: sumStatus(allRSs, 'terminatingReplicas'),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  status.conditions = [...((d.status?.conditions ?? []) as DeploymentCondition[])];
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setDeploymentCondition(
      status,
      newCondition(
        'Available',
        'True',
        MIN_AVAILABLE_REASON,
        'Deployment has minimum availability.',
        now,
      ),
    );
  } else {
    setDeploymentCondition(
      status,
      newCondition(
        'Available',
        'False',
        MIN_UNAVAILABLE_REASON,
        'Deployment does not have minimum availability.',
        now,
      ),
    );
  }
  return status;
}

type Status = {
  updatedReplicas?: number;
  replicas?: number;
  availableReplicas?: number;
  readyReplicas?: number;
  observedGeneration?: number;
  conditions?: DeploymentCondition[];
};

export function deploymentComplete(d: KObject, s: Status): boolean {
  const r = replicasOf(d);
  return (
    s.updatedReplicas === r &&
    s.replicas === r &&
    s.availableReplicas === r &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

export function deploymentProgressing(d: KObject, s: Status): boolean {
  const old = (d.status ?? {}) as Status;
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

export function deploymentTimedOut(d: KObject, s: Status, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getDeploymentCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (c.reason === TIMED_OUT_REASON) return true;
  const from = parseTime(c.lastUpdateTime) ?? 0;
  return from + d.spec.progressDeadlineSeconds * 1000 < now;
}
