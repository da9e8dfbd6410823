/**
 * The Deployment controller (k/k:pkg/controller/deployment/deployment_controller.go
 * `syncDeployment`): claims ReplicaSets, then scales, pauses or rolls out.
 */
import type { Simulation } from '../../sim';
import type { KObject } from '../../api/types';
import { controllerOf } from '../../api/types';
import type { WatchEvent } from '../../api/store';
import { labelSelectorMatches } from '../../api/selectors';
import { Controller, splitKey } from '../controller';
import { claimObjects, resolveControllerRef } from '../util/ownerref';
import { DeploymentContext, DEPLOYMENT_CONTROLLER } from './context';
import {
  getAllReplicaSetsAndSyncRevision,
  isScalingEvent,
  syncDeploymentStatus,
  syncScale,
} from './sync';
import { rolloutRolling } from './rolling';
import { rolloutRecreate } from './recreate';
import { hasProgressDeadline, withDefaults } from './util';
import {
  getDeploymentCondition,
  newCondition,
  PAUSED_REASON,
  RESUMED_REASON,
  setDeploymentCondition,
  TIMED_OUT_REASON,
} from './status';

export { DEPLOYMENT_CONTROLLER };

export class DeploymentController extends Controller {
  constructor(sim: Simulation) {
    super(sim, DEPLOYMENT_CONTROLLER);
    this.watch(['Deployment'], (e) => this.enqueue(e.object));
    this.watch(['ReplicaSet'], (e) => this.onReplicaSet(e));
    this.watch(['Pod'], (e) => this.onPod(e));
  }

  start(): void {
    for (const d of this.store.list('Deployment')) this.enqueue(d);
  }

  private matching(rs: KObject): KObject[] {
    return this.store
      .list('Deployment', { namespace: rs.metadata.namespace })
      .filter((d) => labelSelectorMatches(d.spec?.selector, rs.metadata.labels));
  }

  private onReplicaSet(e: WatchEvent): void {
    const rs = e.object;
    const owner = resolveControllerRef(this.store, rs, 'Deployment');
    if (e.old && controllerOf(e.old)?.uid !== controllerOf(rs)?.uid) {
      const prev = resolveControllerRef(this.store, e.old, 'Deployment');
      if (prev) this.enqueue(prev);
    }
    if (owner) return this.enqueue(owner);
    if (e.type !== 'DELETED' && !controllerOf(rs))
      for (const d of this.matching(rs)) this.enqueue(d);
  }

  /** Recreate waits for old pods to go: a pod deletion re-triggers the Deployment (`deletePod`). */
  private onPod(e: WatchEvent): void {
    if (e.type !== 'DELETED') return;
    const rs = resolveControllerRef(this.store, e.object, 'ReplicaSet');
    const d = rs && resolveControllerRef(this.store, rs, 'Deployment');
    if (d && d.spec?.strategy?.type === 'Recreate') this.enqueue(d);
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const stored = this.store.get('Deployment', namespace, name);
    if (!stored) return;
    const ctx = new DeploymentContext(this.sim, withDefaults(stored), {
      after: (ms, background) => this.queue.addAfter(key, ms, background),
      rateLimited: () => this.queue.addRateLimited(key),
    });
    const d = ctx.d;
    const sel = d.spec.selector ?? {};
    if (!sel.matchLabels && !sel.matchExpressions?.length) {
      ctx.event(
        'Warning',
        'SelectingAll',
        'This deployment is selecting all pods. A non-empty selector is required.',
      );
      if ((d.status.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status.observedGeneration = d.metadata.generation;
        ctx.updateStatus();
      }
      return;
    }
    const rsList = claimObjects(
      {
        store: this.store,
        owner: stored,
        match: (rs) => labelSelectorMatches(d.spec.selector, rs.metadata.labels),
      },
      this.store.list('ReplicaSet', { namespace }),
    );
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
      return syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS);
    }
    checkPausedConditions(ctx);
    if (d.spec.paused || isScalingEvent(ctx, rsList)) return syncScale(ctx, rsList);
    if (d.spec.strategy.type === 'Recreate')
      return rolloutRecreate(ctx, rsList, this.podMap(d, rsList));
    rolloutRolling(ctx, rsList);
  }

  /** `getPodMapForDeployment`: pods grouped by the uid of the ReplicaSet that controls them. */
  private podMap(d: KObject, rsList: KObject[]): Map<string, KObject[]> {
    const map = new Map<string, KObject[]>(rsList.map((rs) => [rs.metadata.uid, []]));
    for (const p of this.store.list('Pod', { namespace: d.metadata.namespace })) {
      if (!labelSelectorMatches(d.spec.selector, p.metadata.labels)) continue;
      const uid = controllerOf(p)?.uid;
      if (uid && map.has(uid)) map.get(uid)!.push(p);
    }
    return map;
  }
}

/** `checkPausedConditions`: Progressing=Unknown DeploymentPaused / DeploymentResumed. */
function checkPausedConditions(ctx: DeploymentContext): void {
  const d = ctx.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === TIMED_OUT_REASON) return;
  const pausedExists = cond?.reason === PAUSED_REASON;
  if (d.spec.paused && !pausedExists) {
    setDeploymentCondition(
      d.status,
      newCondition('Progressing', 'Unknown', PAUSED_REASON, 'Deployment is paused', ctx.now()),
    );
  } else if (!d.spec.paused && pausedExists) {
    setDeploymentCondition(
      d.status,
      newCondition('Progressing', 'Unknown', RESUMED_REASON, 'Deployment is resumed', ctx.now()),
    );
  } else return;
  ctx.updateStatus();
}
