/**
 * The Eviction API (policy/v1, pods/eviction subresource; k/k:pkg/registry/core/pod/storage/eviction.go):
 * deletes a pod unless that would violate a PodDisruptionBudget, in which case it fails with
 * 429 TooManyRequests. An allowed eviction decrements disruptionsAllowed and records the pod in
 * disruptedPods before deleting it gracefully.
 */
import type { Simulation } from '../sim';
import { ApiError } from '../api/errors';
import { labelSelectorMatches } from '../api/selectors';
import { isPodReady } from '../api/podutil';
import { rfc3339 } from '../clock';

export const PDB_VIOLATION_MESSAGE =
  "Cannot evict pod as it would violate the pod's disruption budget.";

export function evictPod(
  sim: Simulation,
  namespace: string,
  name: string,
  opts: { gracePeriodSeconds?: number } = {},
): void {
  const pod = sim.store.mustGet('Pod', namespace, name);
  const phase = pod.status?.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const pending = phase === 'Pending' || !phase;
  const pdbs = sim.store
    .list('PodDisruptionBudget', { namespace })
    .filter((p) => labelSelectorMatches(p.spec?.selector, pod.metadata.labels));
  // Terminal pods, pods already being deleted and pods without a budget are deleted directly.
  if (terminal || pod.metadata.deletionTimestamp || pdbs.length === 0) {
    sim.store.delete('Pod', namespace, name, { gracePeriodSeconds: opts.gracePeriodSeconds });
    return;
  }
  if (pdbs.length > 1) {
    throw new ApiError(
      'InternalError',
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
  }
  const pdb = pdbs[0];
  const st = pdb.status ?? {};
  // Unhealthy pods of a healthy budget (IfHealthyBudget) and pending pods may go without a disruption.
  const healthyBudget = (st.currentHealthy ?? 0) >= (st.desiredHealthy ?? 0);
  if (
    pending ||
    (!isPodReady(pod) && (healthyBudget || pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow'))
  ) {
    sim.store.delete('Pod', namespace, name, { gracePeriodSeconds: opts.gracePeriodSeconds });
    return;
  }
  if (
    (st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0) ||
    (st.disruptionsAllowed ?? 0) <= 0
  ) {
    const cause = `The disruption budget ${pdb.metadata.name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`;
    throw new ApiError('TooManyRequests', PDB_VIOLATION_MESSAGE, {
      causes: [{ reason: 'DisruptionBudget', field: '', message: cause }],
    });
  }
  sim.store.mutate(
    'PodDisruptionBudget',
    namespace,
    pdb.metadata.name,
    (o) => {
      o.status = {
        ...(o.status ?? {}),
        disruptionsAllowed: (o.status?.disruptionsAllowed ?? 1) - 1,
        disruptedPods: { ...(o.status?.disruptedPods ?? {}), [name]: rfc3339(sim.now()) },
      };
    },
    { subresource: 'status' },
  );
  sim.store.delete('Pod', namespace, name, { gracePeriodSeconds: opts.gracePeriodSeconds });
}
