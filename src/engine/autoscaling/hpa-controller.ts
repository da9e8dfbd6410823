/**
 * The HorizontalPodAutoscaler controller (autoscaling/v2). Each HPA is reconciled every sync
 * period (also its first time: the controller adds keys with the resync delay), reading pod CPU or
 * memory from the metrics pipeline (kubelet/metrics.ts podUsage, what metrics-server serves) and
 * writing the target's spec.replicas. Mirrors k/k:pkg/controller/podautoscaler/horizontal.go
 * reconcileAutoscaler, computeReplicasForMetrics, setStatus.
 */
import type { Json } from '../clock';
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import { rfc3339 } from '../clock';
import { setCondition } from '../api/podutil';
import { qualifiedResource } from '../api/registry';
import { Controller, splitKey } from '../controllers/controller';
import { events } from '../events';
import { HPA_CONTROLLER, computeReplicasForMetrics, cond, type HpaStatus } from './metrics';
import {
  normalizeDesiredReplicas,
  storeScaleEvent,
  type Recommendation,
  type ScaleEvent,
} from './normalize';

export { HPA_CONTROLLER };

/** `--horizontal-pod-autoscaler-sync-period` default 15 s. */
export const HPA_SYNC_PERIOD_MS = 15_000;
/** Kinds with a scale subresource the controller can drive. */
export const SCALABLE_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];

interface HpaState {
  pending: string[];
  recommendations: Record<string, Recommendation[]>;
  scaleUpEvents: Record<string, ScaleEvent[]>;
  scaleDownEvents: Record<string, ScaleEvent[]>;
}

export class HorizontalPodAutoscalerController extends Controller {
  private state: HpaState = {
    pending: [],
    recommendations: {},
    scaleUpEvents: {},
    scaleDownEvents: {},
  };

  constructor(sim: Simulation) {
    super(sim, HPA_CONTROLLER);
    this.watch(['HorizontalPodAutoscaler'], (e) => {
      if (e.type === 'ADDED')
        this.scheduleResync(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
    });
  }

  start(): void {
    for (const h of this.store.list('HorizontalPodAutoscaler'))
      this.scheduleResync(`${h.metadata.namespace}/${h.metadata.name}`);
  }

  /** Keys wait one sync period in the queue (`NewDefaultHPARateLimiter(resyncPeriod)`). */
  private scheduleResync(key: string): void {
    if (this.state.pending.includes(key)) return;
    this.state.pending.push(key);
    this.sim.after(HPA_SYNC_PERIOD_MS, this.name, 'resync', key, true);
  }

  protected override onAction(action: string, payload: Json): void {
    if (action !== 'resync') return;
    const key = String(payload);
    this.state.pending = this.state.pending.filter((k) => k !== key);
    this.queue.add(key);
  }

  sync(key: string): void {
    const { namespace = 'default', name } = splitKey(key);
    const hpa = this.store.get('HorizontalPodAutoscaler', namespace, name);
    if (!hpa) {
      delete this.state.recommendations[key];
      delete this.state.scaleUpEvents[key];
      delete this.state.scaleDownEvents[key];
      return;
    }
    this.reconcile(key, hpa);
    this.scheduleResync(key);
  }

  private reconcile(key: string, hpa: KObject): void {
    const now = this.sim.now();
    const status = structuredStatus(hpa);
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const target = SCALABLE_KINDS.includes(ref.kind)
      ? this.store.get(ref.kind, namespaceOf(hpa), ref.name)
      : undefined;
    if (!target) {
      const msg = SCALABLE_KINDS.includes(ref.kind)
        ? `${qualifiedResource(ref.kind)} "${ref.name}" not found`
        : `no matches for kind "${ref.kind}" in group "${String(ref.apiVersion ?? '').split('/')[0]}"`;
      events(this.sim).record(hpa, 'Warning', 'FailedGetScale', msg, { component: HPA_CONTROLLER });
      setCondition(
        status,
        cond(
          'AbleToScale',
          'False',
          'FailedGetScale',
          `the HPA controller was unable to get the target's current scale: ${msg}`,
        ),
        rfc3339(now),
      );
      this.writeStatus(hpa, status);
      return;
    }
    setCondition(
      status,
      cond(
        'AbleToScale',
        'True',
        'SucceededGetScale',
        "the HPA controller was able to get the target's current scale",
      ),
      rfc3339(now),
    );
    const currentReplicas: number = target.spec?.replicas ?? 1;
    const recs = (this.state.recommendations[key] ??= []);
    if (recs.length === 0) recs.push({ t: now, replicas: currentReplicas });
    const minReplicas: number = hpa.spec?.minReplicas ?? 1;
    const maxReplicas: number = hpa.spec?.maxReplicas ?? 1;
    let desired = 0;
    let reason = '';
    let metricStatuses: Json[] | undefined;
    if (currentReplicas === 0 && minReplicas !== 0) {
      setCondition(
        status,
        cond(
          'ScalingActive',
          'False',
          'ScalingDisabled',
          'scaling is disabled since the replica count of the target is zero',
        ),
        rfc3339(now),
      );
      desired = 0;
    } else if (currentReplicas > maxReplicas) {
      reason = 'Current number of replicas above Spec.MaxReplicas';
      desired = maxReplicas;
    } else if (currentReplicas < minReplicas) {
      reason = 'Current number of replicas below Spec.MinReplicas';
      desired = minReplicas;
    } else {
      const computed = computeReplicasForMetrics(
        this.sim,
        hpa,
        target,
        currentReplicas,
        status,
        now,
      );
      if (!computed) {
        status.currentReplicas = currentReplicas;
        status.currentMetrics = [{ type: '' }];
        this.writeStatus(hpa, status);
        return;
      }
      metricStatuses = computed.statuses;
      const n = normalizeDesiredReplicas({
        currentReplicas,
        desired: computed.replicas,
        minReplicas,
        maxReplicas,
        now,
        behavior: hpa.spec?.behavior,
        recommendations: recs,
        scaleUpEvents: (this.state.scaleUpEvents[key] ??= []),
        scaleDownEvents: (this.state.scaleDownEvents[key] ??= []),
      });
      setCondition(status, n.ableToScale, rfc3339(now));
      setCondition(status, n.scalingLimited, rfc3339(now));
      desired = n.replicas;
      if (desired > currentReplicas) reason = `${computed.metric} above target`;
      if (desired < currentReplicas) reason = 'All metrics below target';
    }
    const rescale = desired !== currentReplicas && !(currentReplicas === 0 && minReplicas !== 0);
    if (rescale) {
      this.store.mutate(target.kind, namespaceOf(hpa), target.metadata.name, (o) => {
        o.spec = { ...(o.spec ?? {}), replicas: desired };
      });
      setCondition(
        status,
        cond(
          'AbleToScale',
          'True',
          'SucceededRescale',
          `the HPA controller was able to update the target scale to ${desired}`,
        ),
        rfc3339(now),
      );
      events(this.sim).record(
        hpa,
        'Normal',
        'SuccessfulRescale',
        `New size: ${desired}; reason: ${reason}`,
        { component: HPA_CONTROLLER },
      );
      storeScaleEvent(
        hpa.spec?.behavior,
        (this.state.scaleUpEvents[key] ??= []),
        (this.state.scaleDownEvents[key] ??= []),
        currentReplicas,
        desired,
        now,
      );
      status.lastScaleTime = rfc3339(now);
    }
    status.currentReplicas = currentReplicas;
    status.desiredReplicas = desired;
    if (metricStatuses) status.currentMetrics = metricStatuses;
    else delete status.currentMetrics;
    this.writeStatus(hpa, status);
  }

  private writeStatus(hpa: KObject, status: HpaStatus): void {
    this.store.mutate(
      'HorizontalPodAutoscaler',
      hpa.metadata.namespace,
      hpa.metadata.name,
      (o) => {
        o.status = status;
      },
      { subresource: 'status' },
    );
  }

  protected override saveState(): Json {
    return this.state as unknown as Json;
  }

  protected override loadState(s: Json): void {
    if (s) this.state = s as unknown as HpaState;
  }
}

function namespaceOf(o: KObject): string {
  return o.metadata.namespace ?? 'default';
}

/** A mutable copy of the HPA's status with the fields setStatus keeps. */
function structuredStatus(hpa: KObject): HpaStatus {
  const s = JSON.parse(JSON.stringify(hpa.status ?? {}));
  s.conditions ??= [];
  return s;
}
