/**
 * disruption-controller (k/k:pkg/controller/disruption/disruption.go): PodDisruptionBudget status
 * (expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed, DisruptionAllowed condition).
 */
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import { controllerOf } from '../api/types';
import { labelSelectorMatches } from '../api/selectors';
import { isPodReady, setCondition } from '../api/podutil';
import { parseTime, rfc3339 } from '../clock';
import { Controller, splitKey } from './controller';
import { scaledValue } from './util/intstr';

export const DISRUPTION_CONTROLLER = 'disruption-controller';
/** DeletionTimeout: a disrupted pod not deleted within 2 minutes counts as healthy again. */
export const DISRUPTED_POD_TIMEOUT_MS = 2 * 60_000;

export class DisruptionController extends Controller {
  constructor(sim: Simulation) {
    super(sim, DISRUPTION_CONTROLLER);
    this.watch(['PodDisruptionBudget'], (e) => this.enqueue(e.object));
    this.watch(['Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'ReplicationController'], (e) => {
      for (const pdb of this.store.list('PodDisruptionBudget', {
        namespace: e.object.metadata.namespace,
      }))
        this.enqueue(pdb);
    });
  }

  start(): void {
    for (const p of this.store.list('PodDisruptionBudget')) this.enqueue(p);
  }

  /** The scale of a pod's controller (`getPodReplicaSet`/`getPodDeployment`/`getPodStatefulSet`...). */
  private controllerScale(pod: KObject): { uid: string; replicas: number } | undefined {
    const ref = controllerOf(pod);
    if (!ref) return undefined;
    const ns = pod.metadata.namespace;
    const owner = this.store.get(ref.kind, ns, ref.name);
    if (!owner || owner.metadata.uid !== ref.uid) return undefined;
    if (ref.kind === 'ReplicaSet') {
      const dref = controllerOf(owner);
      const d =
        dref?.kind === 'Deployment' ? this.store.get('Deployment', ns, dref.name) : undefined;
      if (d && d.metadata.uid === dref!.uid)
        return { uid: d.metadata.uid, replicas: d.spec?.replicas ?? 1 };
    }
    if (['ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(ref.kind))
      return { uid: owner.metadata.uid, replicas: owner.spec?.replicas ?? 1 };
    return undefined;
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pdb = this.store.get('PodDisruptionBudget', namespace, name);
    if (!pdb) return;
    const now = this.sim.now();
    const pods = this.store
      .list('Pod', { namespace })
      .filter((p) => labelSelectorMatches(pdb.spec?.selector, p.metadata.labels));
    const disrupted: Record<string, string> = { ...(pdb.status?.disruptedPods ?? {}) };
    for (const [pod, at] of Object.entries(disrupted)) {
      const p = pods.find((x) => x.metadata.name === pod);
      if (
        !p ||
        p.metadata.deletionTimestamp ||
        (parseTime(at) ?? 0) + DISRUPTED_POD_TIMEOUT_MS < now
      )
        delete disrupted[pod];
    }
    let expected = pods.length;
    let desired = 0;
    let error = '';
    const minAvailable = pdb.spec?.minAvailable;
    const maxUnavailable = pdb.spec?.maxUnavailable;
    const needScale = maxUnavailable !== undefined || typeof minAvailable === 'string';
    if (needScale) {
      const scales = new Map<string, number>();
      for (const p of pods) {
        const s = this.controllerScale(p);
        if (!s) {
          error = `found no controllers for pod "${p.metadata.name}"`;
          continue;
        }
        scales.set(s.uid, s.replicas);
      }
      expected = [...scales.values()].reduce((a, b) => a + b, 0);
    }
    if (maxUnavailable !== undefined)
      desired = Math.max(0, expected - scaledValue(maxUnavailable, expected, true));
    else if (minAvailable !== undefined) desired = scaledValue(minAvailable, expected, true);
    const healthy = pods.filter(
      (p) => !p.metadata.deletionTimestamp && isPodReady(p) && !disrupted[p.metadata.name],
    ).length;
    const allowed = error ? 0 : Math.max(0, healthy - desired);
    const status: Record<string, unknown> & { conditions?: never[] } = {
      ...(pdb.status ?? {}),
      observedGeneration: pdb.metadata.generation,
      currentHealthy: healthy,
      desiredHealthy: desired,
      disruptionsAllowed: allowed,
      expectedPods: expected,
    };
    if (Object.keys(disrupted).length) status.disruptedPods = disrupted;
    else delete status.disruptedPods;
    const cond =
      allowed > 0
        ? { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '' }
        : {
            type: 'DisruptionAllowed',
            status: 'False',
            reason: error ? 'SyncFailed' : 'InsufficientPods',
            message: error,
          };
    status.conditions = [...((pdb.status?.conditions ?? []) as never[])];
    setCondition(
      status as { conditions?: never[] },
      { ...cond, observedGeneration: pdb.metadata.generation } as never,
      rfc3339(now),
    );
    this.store.mutate('PodDisruptionBudget', namespace, name, (o) => (o.status = status), {
      subresource: 'status',
    });
    // Re-check when a disrupted pod entry expires.
    for (const at of Object.values(disrupted))
      this.queue.addAfter(
        key,
        Math.max(0, (parseTime(at) ?? 0) + DISRUPTED_POD_TIMEOUT_MS - now + 1000),
      );
  }
}
