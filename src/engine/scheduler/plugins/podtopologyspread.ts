/**
 * PodTopologySpread (`k/k:pkg/scheduler/framework/plugins/podtopologyspread/filtering.go`,
 * `scoring.go`). Filter: DoNotSchedule constraints, skew = matching pods in the node's domain
 * (+1 if the pod matches itself) minus the global minimum must stay within maxSkew. Score:
 * ScheduleAnyway constraints (or the system defaults), fewer matching pods scoring higher.
 */
import { matches } from '../../api/selectors';
import { MAX_NODE_SCORE } from '../constants';
import {
  unresolvable,
  unschedulable,
  type CycleContext,
  type FilterPlugin,
  type ScorePlugin,
} from '../framework';
import {
  countPodsMatchSelector,
  nodeHasAllKeys,
  nodeIncluded,
  podConstraints,
  systemDefaultConstraints,
  type SpreadConstraint,
} from './spreadconstraints';

export const ERR_REASON_CONSTRAINTS_NOT_MATCH =
  "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const HOSTNAME = 'kubernetes.io/hostname';

interface FilterState {
  constraints: SpreadConstraint[];
  /** Per constraint: topology value → matching pods. */
  counts: Map<string, number>[];
}

export const podTopologySpreadFilter: FilterPlugin = {
  name: 'PodTopologySpread',
  preFilter(ctx) {
    const constraints = podConstraints(ctx.pod, 'DoNotSchedule');
    if (constraints.length === 0) return 'skip';
    const counts = constraints.map(() => new Map<string, number>());
    for (const n of ctx.snapshot.nodes) {
      if (!nodeHasAllKeys(n.node, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!nodeIncluded(c, ctx.pod, n.node)) return;
        const v = (n.node.metadata.labels ?? {})[c.topologyKey];
        counts[i].set(
          v,
          (counts[i].get(v) ?? 0) +
            countPodsMatchSelector(n.pods, c.selector, ctx.pod.metadata.namespace),
        );
      });
    }
    ctx.state.set('PreFilterPodTopologySpread', { constraints, counts } satisfies FilterState);
  },
  filter(ctx, node) {
    const s = ctx.state.get('PreFilterPodTopologySpread') as FilterState;
    const labels = node.node.metadata.labels ?? {};
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!(c.topologyKey in labels))
        return unresolvable(this.name, ERR_REASON_NODE_LABEL_NOT_MATCH);
      // minMatchNum: the global minimum, or 0 while fewer domains than minDomains exist.
      let min = s.counts[i].size < c.minDomains ? 0 : Infinity;
      for (const v of s.counts[i].values()) min = Math.min(min, v);
      if (min === Infinity) min = 0;
      const self = matches(c.selector, ctx.pod.metadata.labels) ? 1 : 0;
      const skew = (s.counts[i].get(labels[c.topologyKey]) ?? 0) + self - min;
      if (skew > c.maxSkew) return unschedulable(this.name, ERR_REASON_CONSTRAINTS_NOT_MATCH);
    }
    return null;
  },
};

interface ScoreState {
  constraints: SpreadConstraint[];
  ignored: Set<string>;
  counts: Map<string, number>[];
  weights: number[];
}

/** `topologyNormalizingWeight`: log(size + 2). */
function normalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** `scoreForCount`: cnt × weight + (maxSkew − 1). */
function scoreForCount(cnt: number, maxSkew: number, weight: number): number {
  return cnt * weight + (maxSkew - 1);
}

function state(ctx: CycleContext): ScoreState {
  return ctx.state.get('PreScorePodTopologySpread') as ScoreState;
}

export const podTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore(ctx, feasible) {
    const own = (ctx.pod.spec?.topologySpreadConstraints ?? []).length > 0;
    const constraints = own
      ? podConstraints(ctx.pod, 'ScheduleAnyway')
      : systemDefaultConstraints(ctx.pod, ctx.store);
    if (constraints.length === 0 || ctx.snapshot.nodes.length === 0) return 'skip';
    // Only the pod's own rules require every topology label; system defaults allow zone-less nodes.
    const requireAll = own;
    const ignored = new Set<string>();
    const counts = constraints.map(() => new Map<string, number>());
    const topoSize = constraints.map(() => 0);
    for (const n of feasible) {
      if (requireAll && !nodeHasAllKeys(n.node, constraints)) {
        ignored.add(n.name);
        continue;
      }
      constraints.forEach((c, i) => {
        if (c.topologyKey === HOSTNAME) return;
        const v = (n.node.metadata.labels ?? {})[c.topologyKey] ?? '';
        if (!counts[i].has(v)) {
          counts[i].set(v, 0);
          topoSize[i]++;
        }
      });
    }
    const weights = constraints.map((c, i) =>
      normalizingWeight(c.topologyKey === HOSTNAME ? feasible.length - ignored.size : topoSize[i]),
    );
    for (const n of ctx.snapshot.nodes) {
      if (requireAll && !nodeHasAllKeys(n.node, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!nodeIncluded(c, ctx.pod, n.node)) return;
        const v = (n.node.metadata.labels ?? {})[c.topologyKey] ?? '';
        const cur = counts[i].get(v);
        if (cur === undefined) return;
        counts[i].set(
          v,
          cur + countPodsMatchSelector(n.pods, c.selector, ctx.pod.metadata.namespace),
        );
      });
    }
    ctx.state.set('PreScorePodTopologySpread', {
      constraints,
      ignored,
      counts,
      weights,
    } satisfies ScoreState);
  },
  score(ctx, node) {
    const s = state(ctx);
    if (s.ignored.has(node.name)) return 0;
    const labels = node.node.metadata.labels ?? {};
    let score = 0;
    s.constraints.forEach((c, i) => {
      if (!(c.topologyKey in labels)) return;
      const cnt =
        c.topologyKey === HOSTNAME
          ? countPodsMatchSelector(node.pods, c.selector, ctx.pod.metadata.namespace)
          : (s.counts[i].get(labels[c.topologyKey]) ?? 0);
      score += scoreForCount(cnt, c.maxSkew, s.weights[i]);
    });
    // Go's math.Round rounds half away from zero; scores are never negative here.
    return Math.round(score);
  },
  normalize(ctx, scores) {
    const s = state(ctx);
    let min = Infinity;
    let max = 0;
    for (const sc of scores) {
      if (s.ignored.has(sc.name)) continue;
      min = Math.min(min, sc.score);
      max = Math.max(max, sc.score);
    }
    for (const sc of scores) {
      if (s.ignored.has(sc.name)) sc.score = 0;
      else if (max === 0) sc.score = MAX_NODE_SCORE;
      else sc.score = Math.trunc((MAX_NODE_SCORE * (max + min - sc.score)) / max);
    }
  },
};
