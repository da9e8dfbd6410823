/**
 * InterPodAffinity (`k/k:pkg/scheduler/framework/plugins/interpodaffinity/filtering.go`,
 * `scoring.go`). Filter: the pod's required affinity and anti-affinity per topology domain, and
 * existing pods' required anti-affinity against the pod. Score: preferred terms both ways, plus
 * existing pods' required affinity at hardPodAffinityWeight.
 */
import type { KObject } from '../../api/types';
import { HARD_POD_AFFINITY_WEIGHT, MAX_NODE_SCORE } from '../constants';
import {
  unresolvable,
  unschedulable,
  type CycleContext,
  type FilterPlugin,
  type ScorePlugin,
} from '../framework';
import type { NodeInfo } from '../nodeinfo';
import {
  hasPodAffinity,
  namespaceLabels,
  podAffinityInfo,
  termMatchesPod,
  type AffinityTerm,
  type PodAffinityInfo,
  type WeightedTerm,
} from './affinityterms';

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY =
  "node(s) didn't satisfy existing pods anti-affinity rules";

/** topologyKey + "\0" + value → count. */
type Counts = Map<string, number>;
const pair = (k: string, v: string) => `${k}\u0000${v}`;

function bump(m: Counts, node: KObject, key: string, by: number): void {
  const labels = node.metadata.labels ?? {};
  if (!(key in labels)) return;
  const p = pair(key, labels[key]);
  m.set(p, (m.get(p) ?? 0) + by);
}

interface FilterState {
  info: PodAffinityInfo;
  affinity: Counts;
  antiAffinity: Counts;
  existingAntiAffinity: Counts;
}

function matchesAll(terms: AffinityTerm[], pod: KObject): boolean {
  return terms.length > 0 && terms.every((t) => termMatchesPod(t, pod, undefined));
}

export const interPodAffinityFilter: FilterPlugin = {
  name: 'InterPodAffinity',
  preFilter(ctx) {
    const info = podAffinityInfo(ctx.pod);
    const nsLabels = namespaceLabels(ctx.store, ctx.pod.metadata.namespace);
    const s: FilterState = {
      info,
      affinity: new Map(),
      antiAffinity: new Map(),
      existingAntiAffinity: new Map(),
    };
    const own = info.requiredAffinity.length + info.requiredAntiAffinity.length > 0;
    let existing = false;
    for (const n of ctx.snapshot.nodes) {
      for (const p of n.pods) {
        if (hasPodAffinity(p)) {
          for (const t of podAffinityInfo(p).requiredAntiAffinity) {
            existing = true;
            if (termMatchesPod(t, ctx.pod, nsLabels))
              bump(s.existingAntiAffinity, n.node, t.topologyKey, 1);
          }
        }
        if (!own) continue;
        if (matchesAll(info.requiredAffinity, p))
          for (const t of info.requiredAffinity) bump(s.affinity, n.node, t.topologyKey, 1);
        for (const t of info.requiredAntiAffinity)
          if (termMatchesPod(t, p, undefined)) bump(s.antiAffinity, n.node, t.topologyKey, 1);
      }
    }
    if (!own && !existing) return 'skip';
    ctx.state.set('PreFilterInterPodAffinity', s);
  },
  filter(ctx, node) {
    const s = ctx.state.get('PreFilterInterPodAffinity') as FilterState;
    const labels = (node.node.metadata.labels ?? {}) as Record<string, string>;
    // satisfyPodAffinity, with the exception for the first pod of a group that matches itself.
    let podsExist = true;
    for (const t of s.info.requiredAffinity) {
      if (!(t.topologyKey in labels)) return unresolvable(this.name, ERR_REASON_AFFINITY);
      if ((s.affinity.get(pair(t.topologyKey, labels[t.topologyKey])) ?? 0) <= 0) podsExist = false;
    }
    if (!podsExist && !(s.affinity.size === 0 && matchesAll(s.info.requiredAffinity, ctx.pod))) {
      return unresolvable(this.name, ERR_REASON_AFFINITY);
    }
    for (const t of s.info.requiredAntiAffinity) {
      if (
        t.topologyKey in labels &&
        (s.antiAffinity.get(pair(t.topologyKey, labels[t.topologyKey])) ?? 0) > 0
      ) {
        return unschedulable(this.name, ERR_REASON_ANTI_AFFINITY);
      }
    }
    for (const [k, v] of Object.entries(labels)) {
      if ((s.existingAntiAffinity.get(pair(k, v)) ?? 0) > 0)
        return unschedulable(this.name, ERR_REASON_EXISTING_ANTI_AFFINITY);
    }
    return null;
  },
};

function processTerms(
  m: Counts,
  terms: WeightedTerm[],
  pod: KObject,
  nsLabels: Record<string, string> | undefined,
  node: KObject,
  sign: number,
): void {
  for (const t of terms)
    if (termMatchesPod(t, pod, nsLabels)) bump(m, node, t.topologyKey, t.weight * sign);
}

function scoreState(ctx: CycleContext): Counts {
  return ctx.state.get('PreScoreInterPodAffinity') as Counts;
}

export const interPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  preScore(ctx) {
    const info = podAffinityInfo(ctx.pod);
    const own = info.preferredAffinity.length + info.preferredAntiAffinity.length > 0;
    const nsLabels = namespaceLabels(ctx.store, ctx.pod.metadata.namespace);
    const m: Counts = new Map();
    let any = own;
    for (const n of ctx.snapshot.nodes) {
      if (Object.keys(n.node.metadata.labels ?? {}).length === 0) continue;
      for (const p of n.pods) {
        const withAffinity = hasPodAffinity(p);
        if (!own && !withAffinity) continue;
        any = true;
        // processExistingPod
        processTerms(m, info.preferredAffinity, p, undefined, n.node, 1);
        processTerms(m, info.preferredAntiAffinity, p, undefined, n.node, -1);
        if (!withAffinity) continue;
        const ex = podAffinityInfo(p);
        for (const t of ex.requiredAffinity)
          if (termMatchesPod(t, ctx.pod, nsLabels))
            bump(m, n.node, t.topologyKey, HARD_POD_AFFINITY_WEIGHT);
        processTerms(m, ex.preferredAffinity, ctx.pod, nsLabels, n.node, 1);
        processTerms(m, ex.preferredAntiAffinity, ctx.pod, nsLabels, n.node, -1);
      }
    }
    if (!any) return 'skip';
    ctx.state.set('PreScoreInterPodAffinity', m);
  },
  score(ctx, node: NodeInfo) {
    const m = scoreState(ctx);
    let score = 0;
    for (const [k, v] of Object.entries(
      (node.node.metadata.labels ?? {}) as Record<string, string>,
    ))
      score += m.get(pair(k, v)) ?? 0;
    return score;
  },
  normalize(_ctx, scores) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      min = Math.min(min, s.score);
      max = Math.max(max, s.score);
    }
    const diff = max - min;
    for (const s of scores)
      s.score = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((s.score - min) / diff)) : 0;
  },
};
