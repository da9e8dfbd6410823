/**
 * The StatefulSet controller (k/k:pkg/controller/statefulset/stateful_set_control.go
 * `updateStatefulSet`): ordinal pods with stable names and claims, OrderedReady or Parallel,
 * rolling updates in reverse ordinal order down to the partition.
 */
import type { Simulation } from '../../sim';
import type { KObject } from '../../api/types';
import type { WatchEvent } from '../../api/store';
import { labelSelectorMatches } from '../../api/selectors';
import { isPodTerminal } from '../../api/podutil';
import { events } from '../../events';
import { Controller, splitKey } from '../controller';
import { claimObjects, resolveControllerRef } from '../util/ownerref';
import { cleanupHistory, computeRevisionHash, currentRevision } from './revision';
import { claimsFor, isRunningAndReady, newStatefulPod, ordinalOf, revisionOfPod } from './pods';

export const STATEFULSET_CONTROLLER = 'statefulset-controller';

export class StatefulSetController extends Controller {
  constructor(sim: Simulation) {
    super(sim, STATEFULSET_CONTROLLER);
    this.watch(['StatefulSet'], (e) => this.enqueue(e.object));
    this.watch(['Pod'], (e) => this.onPod(e));
  }

  start(): void {
    for (const s of this.store.list('StatefulSet')) this.enqueue(s);
  }

  private onPod(e: WatchEvent): void {
    const sts = resolveControllerRef(this.store, e.object, 'StatefulSet');
    if (sts) this.enqueue(sts);
  }

  private event(sts: KObject, reason: string, message: string): void {
    events(this.sim).record(sts, 'Normal', reason, message, { component: this.name });
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const sts = this.store.get('StatefulSet', namespace, name);
    if (!sts) return;
    const { cur, old } = currentRevision(this.store, sts, computeRevisionHash(sts));
    const updateRevision = cur.metadata.name;
    const currentRev: string = sts.status?.currentRevision ?? updateRevision;
    const pods = claimObjects(
      {
        store: this.store,
        owner: sts,
        match: (p) =>
          labelSelectorMatches(sts.spec?.selector, p.metadata.labels) && ordinalOf(sts, p) >= 0,
      },
      this.store.list('Pod', { namespace }),
    );
    if (!sts.metadata.deletionTimestamp) this.update(sts, pods, currentRev, updateRevision);
    const live = new Set(this.store.list('Pod', { namespace }).map((p) => revisionOfPod(p) ?? ''));
    cleanupHistory(this.store, sts, old, live);
    this.updateStatus(sts, currentRev, updateRevision);
  }

  private update(sts: KObject, pods: KObject[], currentRev: string, updateRev: string): void {
    const start: number = sts.spec.ordinals?.start ?? 0;
    const replicas: number = sts.spec.replicas ?? 1;
    const end = start + replicas;
    const monotonic = (sts.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const rolling = (sts.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const partition: number = sts.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    const byOrd = new Map(pods.map((p) => [ordinalOf(sts, p), p]));
    for (let ord = start; ord < end; ord++) {
      const pod = byOrd.get(ord);
      if (pod && isPodTerminal(pod) && !pod.metadata.deletionTimestamp) {
        this.deletePod(sts, pod);
        if (monotonic) return;
        continue;
      }
      if (!pod) {
        const rev = rolling && ord < partition ? currentRev : updateRev;
        this.createPod(sts, ord, rev);
        if (monotonic) return;
        continue;
      }
      if (pod.metadata.deletionTimestamp && monotonic) return;
      if (!isRunningAndReady(pod) && monotonic) return;
    }
    const condemned = pods
      .filter((p) => ordinalOf(sts, p) >= end || ordinalOf(sts, p) < start)
      .sort((a, b) => ordinalOf(sts, b) - ordinalOf(sts, a));
    const firstUnhealthy = [...byOrd.values()]
      .sort((a, b) => ordinalOf(sts, a) - ordinalOf(sts, b))
      .find((p) => !isRunningAndReady(p) || p.metadata.deletionTimestamp);
    for (const pod of condemned) {
      if (pod.metadata.deletionTimestamp) {
        if (monotonic) return;
        continue;
      }
      if (monotonic && !isRunningAndReady(pod) && pod !== firstUnhealthy) return;
      this.deletePod(sts, pod);
      if (monotonic) return;
    }
    if (!rolling) return;
    for (let ord = end - 1; ord >= Math.max(partition, start); ord--) {
      const pod = byOrd.get(ord);
      if (!pod) return;
      if (revisionOfPod(pod) !== updateRev && !pod.metadata.deletionTimestamp) {
        this.deletePod(sts, pod);
        return;
      }
      if (!isRunningAndReady(pod) || pod.metadata.deletionTimestamp) return;
    }
  }

  private createPod(sts: KObject, ord: number, revision: string): void {
    const input = newStatefulPod(sts, ord, revision);
    for (const claim of claimsFor(sts, ord)) {
      if (this.store.get('PersistentVolumeClaim', sts.metadata.namespace, claim.metadata!.name!))
        continue;
      this.store.create(claim);
      this.event(
        sts,
        'SuccessfulCreate',
        `create Claim ${claim.metadata!.name} Pod ${input.metadata!.name} in StatefulSet ${sts.metadata.name} success`,
      );
    }
    this.store.create(input);
    this.event(
      sts,
      'SuccessfulCreate',
      `create Pod ${input.metadata!.name} in StatefulSet ${sts.metadata.name} successful`,
    );
  }

  private deletePod(sts: KObject, pod: KObject): void {
    this.store.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    this.event(
      sts,
      'SuccessfulDelete',
      `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`,
    );
  }

  private updateStatus(sts: KObject, currentRev: string, updateRev: string): void {
    const pods = this.store
      .list('Pod', { namespace: sts.metadata.namespace })
      .filter(
        (p) =>
          resolveControllerRef(this.store, p, 'StatefulSet')?.metadata.uid === sts.metadata.uid &&
          !p.metadata.deletionTimestamp,
      );
    const ready = pods.filter(isRunningAndReady).length;
    const s: Record<string, unknown> = {
      ...(sts.status ?? {}),
      observedGeneration: sts.metadata.generation,
      replicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      currentReplicas: pods.filter((p) => revisionOfPod(p) === currentRev).length,
      updatedReplicas: pods.filter((p) => revisionOfPod(p) === updateRev).length,
      currentRevision: currentRev,
      updateRevision: updateRev,
      collisionCount: sts.status?.collisionCount ?? 0,
    };
    // completeRollingUpdate: once every pod runs the update revision and is ready, it becomes current.
    const rolling = (sts.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    if (
      rolling &&
      s.updatedReplicas === s.replicas &&
      ready === s.replicas &&
      s.replicas === (sts.spec.replicas ?? 1)
    ) {
      s.currentRevision = updateRev;
      s.currentReplicas = s.updatedReplicas;
    }
    this.store.mutate(
      'StatefulSet',
      sts.metadata.namespace,
      sts.metadata.name,
      (o) => (o.status = s),
      { subresource: 'status' },
    );
  }
}
