/**
 * One Deployment sync's working state: the Deployment being reconciled (a mutable copy, as the Go
 * controller mutates `d` and calls UpdateStatus) and the writes it makes through the store.
 */
import type { Simulation } from '../../sim';
import type { KObject } from '../../api/types';
import { deepClone, jsonEqual } from '../../api/types';
import { events } from '../../events';
import {
  maxSurge,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  setReplicasAnnotations,
} from './util';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

export class DeploymentContext {
  constructor(
    readonly sim: Simulation,
    /** Working copy with apps/v1 defaults applied. */
    public d: KObject,
    /** Re-queue hooks of the controller. */
    readonly requeue: { after(ms: number, background?: boolean): void; rateLimited(): void },
  ) {}

  get store() {
    return this.sim.store;
  }

  now(): number {
    return this.sim.now();
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    events(this.sim).record(this.d, type, reason, message, { component: DEPLOYMENT_CONTROLLER });
  }

  /**
   * `UpdateStatus`: the status subresource of a Deployment also persists metadata annotations
   * (the revision), so both are written here.
   */
  updateStatus(): void {
    const { namespace, name } = this.d.metadata;
    const stored = this.store.get('Deployment', namespace, name);
    if (!stored) return;
    if (!jsonEqual(stored.metadata.annotations ?? {}, this.d.metadata.annotations ?? {})) {
      this.store.mutate('Deployment', namespace, name, (o) => {
        o.metadata.annotations = deepClone(this.d.metadata.annotations);
      });
    }
    this.store.mutate('Deployment', namespace, name, (o) => (o.status = deepClone(this.d.status)), {
      subresource: 'status',
    });
  }

  /** `scaleReplicaSetAndRecordEvent`: returns [scaled, rs]. */
  scaleAndRecord(rs: KObject, newScale: number): [boolean, KObject] {
    if (replicasOf(rs) === newScale) return [false, rs];
    return this.scaleReplicaSet(rs, newScale, replicasOf(rs) < newScale ? 'up' : 'down');
  }

  /** `scaleReplicaSet`: writes replicas and the desired/max annotations; event when the size changed. */
  scaleReplicaSet(rs: KObject, newScale: number, op: string): [boolean, KObject] {
    const desired = replicasOf(this.d);
    const max = desired + maxSurge(this.d);
    const sizeChange = replicasOf(rs) !== newScale;
    if (!sizeChange && !replicasAnnotationsNeedUpdate(rs, desired, max)) return [false, rs];
    const oldScale = replicasOf(rs);
    const updated = this.store.mutate(
      'ReplicaSet',
      rs.metadata.namespace,
      rs.metadata.name,
      (o) => {
        o.spec.replicas = newScale;
        setReplicasAnnotations(o, desired, max);
      },
    );
    if (sizeChange)
      this.event(
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`,
      );
    return [sizeChange, updated];
  }
}
