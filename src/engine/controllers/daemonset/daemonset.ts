/**
 * The DaemonSet controller (k/k:pkg/controller/daemon/daemon_controller.go, update.go): one pod
 * per eligible node, pinned by node affinity for the default scheduler to bind, rolling updates
 * with maxUnavailable (surge 0), ControllerRevisions and status.
 */
import type { Json } from '../../clock';
import type { Simulation } from '../../sim';
import type { KObject } from '../../api/types';
import { controllerOf } from '../../api/types';
import type { WatchEvent } from '../../api/store';
import { labelSelectorMatches } from '../../api/selectors';
import { isPodAvailable, isPodReady, isPodTerminal } from '../../api/podutil';
import { parseTime } from '../../clock';
import { events } from '../../events';
import { Controller, nsName, splitKey } from '../controller';
import { Expectations } from '../util/expectations';
import { claimObjects, newControllerRef, resolveControllerRef } from '../util/ownerref';
import { podFromTemplate, podKey, podsPrefix, slowStartBatch } from '../util/podtemplate';
import {
  cleanupHistory,
  CONTROLLER_REVISION_HASH_LABEL,
  currentRevision,
  templateHash,
} from '../util/history';
import { scaledValue } from '../util/intstr';
import { daemonPodTemplate, nodeShouldRunDaemonPod, pinToNode, targetNode } from './placement';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';
/** BurstReplicas for daemon sets (daemon_controller.go). */
export const DS_BURST_REPLICAS = 250;

const byCreation = (a: KObject, b: KObject) =>
  (parseTime(a.metadata.creationTimestamp) ?? 0) - (parseTime(b.metadata.creationTimestamp) ?? 0) ||
  (a.metadata.name < b.metadata.name ? -1 : 1);

export class DaemonSetController extends Controller {
  readonly expectations: Expectations;

  constructor(sim: Simulation) {
    super(sim, DAEMONSET_CONTROLLER);
    this.expectations = new Expectations(() => sim.now());
    this.watch(['DaemonSet'], (e) => {
      if (e.type === 'DELETED') this.expectations.delete(nsName(e.object));
      this.enqueue(e.object);
    });
    this.watch(['Node'], () => this.enqueueAll());
    this.watch(['Pod'], (e) => this.onPod(e));
  }

  start(): void {
    this.enqueueAll();
  }

  private enqueueAll(): void {
    for (const ds of this.store.list('DaemonSet')) this.enqueue(ds);
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object;
    const ds =
      resolveControllerRef(this.store, pod, 'DaemonSet') ??
      (e.old ? resolveControllerRef(this.store, e.old, 'DaemonSet') : undefined);
    if (!ds) {
      if (!controllerOf(pod) && e.type !== 'DELETED') {
        for (const d of this.store.list('DaemonSet', { namespace: pod.metadata.namespace }))
          if (labelSelectorMatches(d.spec?.selector, pod.metadata.labels)) this.enqueue(d);
      }
      return;
    }
    const key = nsName(ds);
    if (e.type === 'ADDED' && !pod.metadata.deletionTimestamp)
      this.expectations.creationObserved(key);
    if (
      e.type === 'DELETED' ||
      (pod.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp)
    )
      this.expectations.deletionObserved(key, podKey(pod));
    this.enqueue(ds);
    const minReady = ds.spec?.minReadySeconds ?? 0;
    if (e.old && !isPodReady(e.old) && isPodReady(pod) && minReady > 0)
      this.queue.addAfter(key, minReady * 1000 + 1000);
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const ds = this.store.get('DaemonSet', namespace, name);
    if (!ds) {
      this.expectations.delete(key);
      return;
    }
    const nodes = this.store.list('Node');
    const hash = templateHash(ds);
    const { cur, old } = currentRevision(this.store, ds, hash);
    const curHash = cur.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? hash;
    const nodeToPods = this.nodeToDaemonPods(ds);
    if (this.expectations.satisfied(key) && !ds.metadata.deletionTimestamp) {
      this.manage(ds, nodes, nodeToPods, curHash);
      const strategy = ds.spec.updateStrategy?.type ?? 'RollingUpdate';
      if (strategy === 'RollingUpdate' && this.expectations.satisfied(key))
        this.rollingUpdate(ds, nodes, this.nodeToDaemonPods(ds), curHash);
      const live = new Set(
        this.store
          .list('Pod', { namespace })
          .map((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? ''),
      );
      cleanupHistory(this.store, ds, old, live);
    }
    this.updateStatus(ds, nodes, this.nodeToDaemonPods(ds), curHash);
  }

  /** `getNodesToDaemonPods`: claimed pods by target node, leaving out deleted terminal pods. */
  private nodeToDaemonPods(ds: KObject): Map<string, KObject[]> {
    const pods = claimObjects(
      {
        store: this.store,
        owner: ds,
        match: (p) => labelSelectorMatches(ds.spec?.selector, p.metadata.labels),
      },
      this.store.list('Pod', { namespace: ds.metadata.namespace }),
    );
    const map = new Map<string, KObject[]>();
    for (const p of pods) {
      if (isPodTerminal(p) && p.metadata.deletionTimestamp) continue;
      const node = targetNode(p);
      if (!node) continue;
      if (!map.has(node)) map.set(node, []);
      map.get(node)!.push(p);
    }
    return map;
  }

  /** `manage` + `podsShouldBeOnNode`. */
  private manage(
    ds: KObject,
    nodes: KObject[],
    nodeToPods: Map<string, KObject[]>,
    hash: string,
  ): void {
    const create: string[] = [];
    const del: KObject[] = [];
    const rec = events(this.sim);
    for (const node of nodes) {
      const [shouldRun, shouldContinue] = nodeShouldRunDaemonPod(node, ds);
      const pods = nodeToPods.get(node.metadata.name);
      if (shouldRun && !pods) create.push(node.metadata.name);
      else if (shouldContinue && pods) {
        const running: KObject[] = [];
        for (const p of pods) {
          if (p.metadata.deletionTimestamp) continue;
          if (p.status?.phase === 'Failed') {
            rec.record(
              ds,
              'Warning',
              'FailedDaemonPod',
              `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`,
              { component: this.name },
            );
            del.push(p);
          } else if (p.status?.phase === 'Succeeded') del.push(p);
          else running.push(p);
        }
        // Without surge, keep only the oldest running pod on a node.
        running.sort(byCreation);
        del.push(...running.slice(1));
      } else if (!shouldContinue && pods)
        del.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
    }
    this.syncNodes(ds, del, create, hash);
  }

  private syncNodes(ds: KObject, del: KObject[], createNodes: string[], hash: string): void {
    const key = nsName(ds);
    const rec = events(this.sim);
    const source = { component: this.name };
    const creates = createNodes.slice(0, DS_BURST_REPLICAS);
    const deletes = del.slice(0, DS_BURST_REPLICAS);
    this.expectations.expectCreations(key, creates.length);
    if (deletes.length) this.expectations.expectDeletions(key, deletes.map(podKey));
    const template = daemonPodTemplate(ds, hash);
    const ref = newControllerRef(ds);
    let i = 0;
    const { successes } = slowStartBatch(creates.length, () => {
      const input = podFromTemplate(
        template,
        ds.metadata.namespace,
        ref,
        podsPrefix(ds.metadata.name),
      );
      pinToNode(input.spec, creates[i++]);
      try {
        const pod = this.store.create(input);
        rec.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source);
      } catch (e) {
        rec.record(
          ds,
          'Warning',
          'FailedCreate',
          `Error creating: ${(e as Error).message}`,
          source,
        );
        throw e;
      }
    });
    for (let n = successes; n < creates.length; n++) this.expectations.creationObserved(key);
    for (const p of deletes) {
      if (!this.store.get('Pod', p.metadata.namespace, p.metadata.name)) {
        this.expectations.deletionObserved(key, podKey(p));
        continue;
      }
      this.store.delete('Pod', p.metadata.namespace, p.metadata.name);
      rec.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, source);
    }
  }

  /** `rollingUpdate` with maxSurge 0: delete unavailable old pods, then up to maxUnavailable more. */
  private rollingUpdate(
    ds: KObject,
    nodes: KObject[],
    nodeToPods: Map<string, KObject[]>,
    hash: string,
  ): void {
    const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds)[0]).length;
    const ru = ds.spec.updateStrategy?.rollingUpdate ?? {};
    const surge = scaledValue(ru.maxSurge ?? 0, desired, true);
    let maxUnavailable = scaledValue(ru.maxUnavailable ?? 1, desired, true);
    if (surge === 0 && maxUnavailable === 0) maxUnavailable = 1;
    const now = this.sim.now();
    const minReady = ds.spec.minReadySeconds ?? 0;
    let unavailable = 0;
    const allowed: KObject[] = [];
    const candidates: KObject[] = [];
    for (const node of [...nodeToPods.keys()].sort()) {
      const live = nodeToPods.get(node)!.filter((p) => !p.metadata.deletionTimestamp);
      const fresh = live.filter(
        (p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash,
      );
      const stale = live.filter(
        (p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] !== hash,
      );
      if (fresh.length > 1 || stale.length > 1 || fresh.length + stale.length !== 1) {
        unavailable++;
        continue;
      }
      if (fresh.length) {
        if (!isPodAvailable(fresh[0], minReady, now)) unavailable++;
      } else if (!isPodAvailable(stale[0], minReady, now)) allowed.push(stale[0]);
      else if (unavailable < maxUnavailable) candidates.push(stale[0]);
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
    const toDelete = [...allowed, ...candidates.slice(0, remaining)];
    if (toDelete.length) this.syncNodes(ds, toDelete, [], hash);
  }

  private updateStatus(
    ds: KObject,
    nodes: KObject[],
    nodeToPods: Map<string, KObject[]>,
    hash: string,
  ): void {
    const now = this.sim.now();
    const s = { desired: 0, current: 0, ready: 0, available: 0, updated: 0, misscheduled: 0 };
    for (const node of nodes) {
      const [shouldRun] = nodeShouldRunDaemonPod(node, ds);
      const pods = nodeToPods.get(node.metadata.name) ?? [];
      if (!shouldRun) {
        if (pods.length) s.misscheduled++;
        continue;
      }
      s.desired++;
      if (!pods.length) continue;
      s.current++;
      const pod = [...pods].sort(byCreation)[0];
      if (isPodReady(pod)) {
        s.ready++;
        if (isPodAvailable(pod, ds.spec.minReadySeconds ?? 0, now)) s.available++;
      }
      if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) s.updated++;
    }
    const status: Record<string, unknown> = {
      ...(ds.status ?? {}),
      currentNumberScheduled: s.current,
      numberMisscheduled: s.misscheduled,
      desiredNumberScheduled: s.desired,
      numberReady: s.ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: s.updated,
      numberAvailable: s.available,
    };
    if (s.desired - s.available > 0) status.numberUnavailable = s.desired - s.available;
    else delete status.numberUnavailable;
    this.store.mutate(
      'DaemonSet',
      ds.metadata.namespace,
      ds.metadata.name,
      (o) => (o.status = status),
      { subresource: 'status' },
    );
  }

  protected override saveState(): Json {
    return this.expectations.snapshot();
  }

  protected override loadState(s: Json): void {
    this.expectations.restore(s);
  }
}
