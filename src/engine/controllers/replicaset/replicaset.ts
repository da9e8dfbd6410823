/**
 * The ReplicaSet controller (k/k:pkg/controller/replicaset/replica_set.go): claims pods through
 * labels and controllerRefs, creates or deletes pods to match spec.replicas (burst 500, slow-start
 * batches, expectations) and writes status.
 */
import type { Json } from '../../clock';
import type { Simulation } from '../../sim';
import type { KObject } from '../../api/types';
import { controllerOf } from '../../api/types';
import type { WatchEvent } from '../../api/store';
import { labelSelectorMatches } from '../../api/selectors';
import { isPodActive, isPodReady } from '../../api/podutil';
import { jsonEqual } from '../../api/types';
import { events } from '../../events';
import { Controller, nsName, splitKey } from '../controller';
import { Expectations } from '../util/expectations';
import { claimObjects, newControllerRef, resolveControllerRef } from '../util/ownerref';
import { podFromTemplate, podKey, podsPrefix, slowStartBatch } from '../util/podtemplate';
import { podsToDelete } from '../util/ranking';
import { calculateRsStatus } from './status';

export const REPLICASET_CONTROLLER = 'replicaset-controller';
/** BurstReplicas: at most this many creates/deletes per sync (replica_set.go). */
export const BURST_REPLICAS = 500;

export class ReplicaSetController extends Controller {
  readonly expectations: Expectations;

  constructor(sim: Simulation) {
    super(sim, REPLICASET_CONTROLLER);
    this.expectations = new Expectations(() => sim.now());
    this.watch(['ReplicaSet'], (e) => {
      if (e.type === 'DELETED') this.expectations.delete(nsName(e.object));
      this.enqueue(e.object);
    });
    this.watch(['Pod'], (e) => this.onPod(e));
  }

  start(): void {
    for (const rs of this.store.list('ReplicaSet')) this.enqueue(rs);
  }

  private enqueueAfter(rs: KObject, ms: number): void {
    this.queue.addAfter(nsName(rs), ms);
  }

  /** Replica sets whose selector matches an orphan pod (`getPodReplicaSets`). */
  private matchingSets(pod: KObject): KObject[] {
    return this.store
      .list('ReplicaSet', { namespace: pod.metadata.namespace })
      .filter((rs) => labelSelectorMatches(rs.spec?.selector, pod.metadata.labels));
  }

  private podDeleted(pod: KObject): void {
    const rs = resolveControllerRef(this.store, pod, 'ReplicaSet');
    if (!rs) return;
    this.expectations.deletionObserved(nsName(rs), podKey(pod));
    this.enqueue(rs);
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object;
    if (e.type === 'DELETED') return this.podDeleted(pod);
    if (e.type === 'ADDED') {
      if (pod.metadata.deletionTimestamp) return this.podDeleted(pod);
      const rs = resolveControllerRef(this.store, pod, 'ReplicaSet');
      if (rs) {
        this.expectations.creationObserved(nsName(rs));
        this.enqueue(rs);
      } else if (!controllerOf(pod)) for (const r of this.matchingSets(pod)) this.enqueue(r);
      return;
    }
    const old = e.old!;
    const labelChanged = !jsonEqual(old.metadata.labels, pod.metadata.labels);
    if (pod.metadata.deletionTimestamp) {
      this.podDeleted(pod);
      if (labelChanged) this.podDeleted(old);
      return;
    }
    const refChanged = !jsonEqual(controllerOf(old), controllerOf(pod));
    if (refChanged && controllerOf(old)) {
      const oldRs = resolveControllerRef(this.store, old, 'ReplicaSet');
      if (oldRs) this.enqueue(oldRs);
    }
    if (controllerOf(pod)) {
      const rs = resolveControllerRef(this.store, pod, 'ReplicaSet');
      if (!rs) return;
      this.enqueue(rs);
      const minReady = rs.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(pod) && minReady > 0)
        this.enqueueAfter(rs, minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const r of this.matchingSets(pod)) this.enqueue(r);
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const rs = this.store.get('ReplicaSet', namespace, name);
    if (!rs) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const match = (p: KObject) => labelSelectorMatches(rs.spec?.selector, p.metadata.labels);
    const allPods = this.store.list('Pod', { namespace });
    const active = claimObjects(
      { store: this.store, owner: rs, match },
      allPods.filter(isPodActive),
    );
    const terminating = allPods.filter(
      (p) => p.metadata.deletionTimestamp && controllerOf(p)?.uid === rs.metadata.uid && match(p),
    );
    let manageErr: Error | undefined;
    if (needsSync && !rs.metadata.deletionTimestamp) manageErr = this.manageReplicas(active, rs);
    const cur = this.store.get('ReplicaSet', namespace, name);
    if (!cur) return;
    const status = calculateRsStatus(cur, active, terminating, manageErr, this.sim.now());
    const updated = this.store.mutate('ReplicaSet', namespace, name, (o) => (o.status = status), {
      subresource: 'status',
    });
    const replicas = updated.spec?.replicas ?? 1;
    const minReady = updated.spec?.minReadySeconds ?? 0;
    if (
      !manageErr &&
      minReady > 0 &&
      updated.status.readyReplicas === replicas &&
      updated.status.availableReplicas !== replicas
    ) {
      this.enqueueAfter(updated, minReady * 1000);
    }
    if (manageErr) throw manageErr;
  }

  /** `manageReplicas`: returns the first error (the sync then retries with backoff). */
  private manageReplicas(active: KObject[], rs: KObject): Error | undefined {
    const key = nsName(rs);
    let diff = active.length - (rs.spec?.replicas ?? 1);
    const rec = events(this.sim);
    const source = { component: this.name };
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, diff);
      const ref = newControllerRef(rs);
      const { successes, error } = slowStartBatch(diff, () => {
        try {
          const pod = this.store.create(
            podFromTemplate(
              rs.spec?.template,
              rs.metadata.namespace,
              ref,
              podsPrefix(rs.metadata.name),
            ),
          );
          rec.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source);
        } catch (e) {
          rec.record(
            rs,
            'Warning',
            'FailedCreate',
            `Error creating: ${(e as Error).message}`,
            source,
          );
          throw e;
        }
      });
      for (let i = 0; i < diff - successes; i++) this.expectations.creationObserved(key);
      return error as Error | undefined;
    }
    if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      const victims = podsToDelete(active, this.relatedPods(rs), diff, this.sim.now());
      this.expectations.expectDeletions(key, victims.map(podKey));
      let firstErr: Error | undefined;
      for (const p of victims) {
        try {
          this.store.delete('Pod', p.metadata.namespace, p.metadata.name);
          rec.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, source);
        } catch (e) {
          this.expectations.deletionObserved(key, podKey(p));
          const err = e as Error & { reason?: string };
          if (err.reason === 'NotFound') continue;
          rec.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`, source);
          firstErr ??= err;
        }
      }
      return firstErr;
    }
    return undefined;
  }

  /** `getIndirectlyRelatedPods`: pods of every ReplicaSet sharing this one's controller (a Deployment's). */
  private relatedPods(rs: KObject): KObject[] {
    const owner = controllerOf(rs);
    const sets = owner
      ? this.store
          .list('ReplicaSet', { namespace: rs.metadata.namespace })
          .filter((r) => controllerOf(r)?.uid === owner.uid)
      : [rs];
    const uids = new Set(sets.map((r) => r.metadata.uid));
    return this.store
      .list('Pod', { namespace: rs.metadata.namespace })
      .filter((p) => uids.has(controllerOf(p)?.uid ?? ''));
  }

  protected override saveState(): Json {
    return this.expectations.snapshot();
  }

  protected override loadState(s: Json): void {
    this.expectations.restore(s);
  }
}
