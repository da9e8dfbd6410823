/** ReplicaSet status (`calculateStatus`, k/k:pkg/controller/replicaset/replica_set_utils.go). */
import type { KObject } from '../../api/types';
import { isPodAvailable, isPodReady, setCondition, type Condition } from '../../api/podutil';
import { matches, fromLabelSelector } from '../../api/selectors';
import { rfc3339 } from '../../clock';

export interface RsStatus {
  replicas: number;
  fullyLabeledReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  terminatingReplicas: number;
  observedGeneration?: number;
  conditions?: Condition[];
}

export function calculateRsStatus(
  rs: KObject,
  active: KObject[],
  terminating: KObject[],
  manageErr: Error | undefined,
  now: number,
): RsStatus {
  const status: RsStatus = { ...(rs.status ?? {}) };
  const templateSel = fromLabelSelector({ matchLabels: rs.spec?.template?.metadata?.labels ?? {} });
  let fully = 0;
  let ready = 0;
  let available = 0;
  for (const p of active) {
    if (matches(templateSel, p.metadata.labels)) fully++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, rs.spec?.minReadySeconds ?? 0, now)) available++;
    }
  }
  const failure = (status.conditions ?? []).find((c) => c.type === 'ReplicaFailure');
  if (manageErr && !failure) {
    const diff = active.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    status.conditions = [...(status.conditions ?? [])];
    setCondition(
      status,
      { type: 'ReplicaFailure', status: 'True', reason, message: manageErr.message },
      rfc3339(now),
    );
  } else if (!manageErr && failure) {
    status.conditions = (status.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
    if (status.conditions.length === 0) delete status.conditions;
  }
  status.replicas = active.length;
  status.fullyLabeledReplicas = fully;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  status.terminatingReplicas = terminating.length;
  status.observedGeneration = rs.metadata.generation;
  return status;
}
