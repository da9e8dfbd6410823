/**
 * From a metric's recommendation to the replicas the HPA applies: the scale-down stabilisation
 * window (the highest recommendation of the last 5 minutes), min/max replicas and the scale rate
 * limits. Mirrors k/k:pkg/controller/podautoscaler/horizontal.go normalizeDesiredReplicas
 * (spec.behavior unset) and normalizeDesiredReplicasWithBehaviors (spec.behavior set, with the
 * defaults of k/k:pkg/apis/autoscaling/v2/defaults.go GenerateHPAScaleUpRules/ScaleDownRules).
 */

/** `--horizontal-pod-autoscaler-downscale-stabilization` default 5 minutes. */
export const DOWNSCALE_STABILISATION_WINDOW_MS = 5 * 60_000;
/** `scaleUpLimitFactor` and `scaleUpLimitMinimum`: without behavior, at most max(2×current, 4). */
export const SCALE_UP_LIMIT_FACTOR = 2;
export const SCALE_UP_LIMIT_MINIMUM = 4;

export interface Recommendation {
  t: number;
  replicas: number;
}

export interface ScaleEvent {
  t: number;
  change: number;
  outdated: boolean;
}

export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: ScalingPolicy[];
}

export interface Behavior {
  scaleUp?: ScalingRules;
  scaleDown?: ScalingRules;
}

export interface Condition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
}

/** Defaults for a set behavior: scale up by 100% or 4 pods per 15 s (the larger), down by 100% per 15 s. */
export function defaultBehavior(b: Behavior): Required<Behavior> {
  return {
    scaleUp: {
      stabilizationWindowSeconds: b.scaleUp?.stabilizationWindowSeconds ?? 0,
      selectPolicy: b.scaleUp?.selectPolicy ?? 'Max',
      policies: b.scaleUp?.policies ?? [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    },
    scaleDown: {
      stabilizationWindowSeconds:
        b.scaleDown?.stabilizationWindowSeconds ?? DOWNSCALE_STABILISATION_WINDOW_MS / 1000,
      selectPolicy: b.scaleDown?.selectPolicy ?? 'Max',
      policies: b.scaleDown?.policies ?? [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    },
  };
}

export interface NormalizeInput {
  currentReplicas: number;
  desired: number;
  minReplicas: number;
  maxReplicas: number;
  now: number;
  behavior?: Behavior;
  /** This HPA's recent recommendations (changed in place: the new one is recorded). */
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

export interface NormalizeResult {
  replicas: number;
  ableToScale: Condition;
  scalingLimited: Condition;
}

const READY: Condition = {
  type: 'AbleToScale',
  status: 'True',
  reason: 'ReadyForNewScale',
  message: 'recommended size matches current size',
};
const limited = (status: boolean, reason: string, message: string): Condition => ({
  type: 'ScalingLimited',
  status: status ? 'True' : 'False',
  reason,
  message,
});
const WITHIN = ['DesiredWithinRange', 'the desired count is within the acceptable range'] as const;

/** Replaces the oldest sample that fell out of every window, else appends (as the controller does). */
function record(
  recs: Recommendation[],
  outdated: (r: Recommendation) => boolean,
  rec: Recommendation,
): void {
  let idx = -1;
  recs.forEach((r, i) => {
    if (outdated(r)) idx = i;
  });
  if (idx >= 0) recs[idx] = rec;
  else recs.push(rec);
}

export function normalizeDesiredReplicas(a: NormalizeInput): NormalizeResult {
  return a.behavior ? withBehaviors(a, defaultBehavior(a.behavior)) : withoutBehaviors(a);
}

function withoutBehaviors(a: NormalizeInput): NormalizeResult {
  const cutoff = a.now - DOWNSCALE_STABILISATION_WINDOW_MS;
  let stabilized = a.desired;
  for (const r of a.recommendations)
    if (r.t >= cutoff && r.replicas > stabilized) stabilized = r.replicas;
  record(a.recommendations, (r) => r.t < cutoff, { t: a.now, replicas: a.desired });
  const ableToScale: Condition =
    stabilized !== a.desired
      ? {
          type: 'AbleToScale',
          status: 'True',
          reason: 'ScaleDownStabilized',
          message:
            'recent recommendations were higher than current one, applying the highest recent recommendation',
        }
      : READY;
  // convertDesiredReplicasWithRules
  const scaleUpLimit = Math.max(SCALE_UP_LIMIT_FACTOR * a.currentReplicas, SCALE_UP_LIMIT_MINIMUM);
  let max = a.maxReplicas;
  let cond: [string, string] = [
    'TooManyReplicas',
    'the desired replica count is more than the maximum replica count',
  ];
  if (a.maxReplicas > scaleUpLimit) {
    max = scaleUpLimit;
    cond = [
      'ScaleUpLimit',
      'the desired replica count is increasing faster than the maximum scale rate',
    ];
  }
  if (stabilized < a.minReplicas) {
    return {
      replicas: a.minReplicas,
      ableToScale,
      scalingLimited: limited(
        true,
        'TooFewReplicas',
        'the desired replica count is less than the minimum replica count',
      ),
    };
  }
  if (stabilized > max)
    return { replicas: max, ableToScale, scalingLimited: limited(true, ...cond) };
  return { replicas: stabilized, ableToScale, scalingLimited: limited(false, ...WITHIN) };
}

function changeInPeriod(events: ScaleEvent[], periodSeconds: number, now: number): number {
  const cutoff = now - periodSeconds * 1000;
  return events.filter((e) => e.t > cutoff && !e.outdated).reduce((n, e) => n + e.change, 0);
}

/** `calculateScaleUpLimitWithScalingRules` / `calculateScaleDownLimitWithBehaviors` */
function rateLimit(up: boolean, a: NormalizeInput, rules: ScalingRules): number {
  if (rules.selectPolicy === 'Disabled') return a.currentReplicas;
  const pickMin = up ? rules.selectPolicy === 'Min' : rules.selectPolicy !== 'Min';
  let result = pickMin ? Infinity : -Infinity;
  for (const p of rules.policies ?? []) {
    const start =
      a.currentReplicas -
      changeInPeriod(a.scaleUpEvents, p.periodSeconds, a.now) +
      changeInPeriod(a.scaleDownEvents, p.periodSeconds, a.now);
    let proposed: number;
    if (up) proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    else proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

function withBehaviors(a: NormalizeInput, b: Required<Behavior>): NormalizeResult {
  const upCutoff = a.now - (b.scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = a.now - (b.scaleDown.stabilizationWindowSeconds ?? 0) * 1000;
  let upRec = a.desired;
  let downRec = a.desired;
  for (const r of a.recommendations) {
    if (r.t > upCutoff) upRec = Math.min(upRec, r.replicas);
    if (r.t > downCutoff) downRec = Math.max(downRec, r.replicas);
  }
  let stabilized = Math.max(a.currentReplicas, upRec);
  stabilized = Math.min(stabilized, downRec);
  record(a.recommendations, (r) => r.t < upCutoff && r.t < downCutoff, {
    t: a.now,
    replicas: a.desired,
  });
  let ableToScale = READY;
  if (stabilized !== a.desired) {
    ableToScale =
      a.desired >= a.currentReplicas
        ? {
            type: 'AbleToScale',
            status: 'True',
            reason: 'ScaleUpStabilized',
            message:
              'recent recommendations were lower than current one, applying the lowest recent recommendation',
          }
        : {
            type: 'AbleToScale',
            status: 'True',
            reason: 'ScaleDownStabilized',
            message:
              'recent recommendations were higher than current one, applying the highest recent recommendation',
          };
  }
  // convertDesiredReplicasWithBehaviorRate
  let replicas = stabilized;
  let cond: [string, string] = [...WITHIN];
  if (stabilized > a.currentReplicas) {
    const limit = Math.max(rateLimit(true, a, b.scaleUp), a.currentReplicas);
    const max = Math.min(a.maxReplicas, limit);
    cond =
      a.maxReplicas > limit
        ? [
            'ScaleUpLimit',
            'the desired replica count is increasing faster than the maximum scale rate',
          ]
        : ['TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
    if (stabilized > max) replicas = max;
  } else if (stabilized < a.currentReplicas) {
    const limit = Math.min(rateLimit(false, a, b.scaleDown), a.currentReplicas);
    const min = Math.max(a.minReplicas, limit);
    cond =
      a.minReplicas < limit
        ? [
            'ScaleDownLimit',
            'the desired replica count is decreasing faster than the maximum scale rate',
          ]
        : ['TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
    if (stabilized < min) replicas = min;
  }
  if (replicas === stabilized)
    return { replicas, ableToScale, scalingLimited: limited(false, ...WITHIN) };
  return { replicas, ableToScale, scalingLimited: limited(true, ...cond) };
}

/** `storeScaleEvent`: remembers a change for the rate policies (only with a behavior). */
export function storeScaleEvent(
  b: Behavior | undefined,
  up: ScaleEvent[],
  down: ScaleEvent[],
  prev: number,
  next: number,
  now: number,
): void {
  if (!b) return;
  const rules = defaultBehavior(b);
  const list = next > prev ? up : down;
  const r = next > prev ? rules.scaleUp : rules.scaleDown;
  const longest = Math.max(0, ...(r.policies ?? []).map((p) => p.periodSeconds));
  for (const e of list) if (e.t <= now - longest * 1000) e.outdated = true;
  const ev = { t: now, change: Math.abs(next - prev), outdated: false };
  const i = list.findIndex((e) => e.outdated);
  if (i >= 0) list[i] = ev;
  else list.push(ev);
}
