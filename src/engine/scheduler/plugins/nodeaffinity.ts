/**
 * NodeAffinity (`k/k:pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go`): Filter on
 * nodeSelector + required affinity; Score sums the weights of matching preferred terms.
 */
import { MAX_NODE_SCORE } from '../constants';
import {
  defaultNormalizeScore,
  unresolvable,
  type CycleContext,
  type FilterPlugin,
  type ScorePlugin,
} from '../framework';
import { requiredNodeAffinityMatches, termMatches, type NodeSelectorTerm } from '../nodeselector';

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

export const nodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  filter(ctx, node) {
    return requiredNodeAffinityMatches(ctx.pod, node.node)
      ? null
      : unresolvable(this.name, ERR_REASON_POD);
  },
};

interface Preferred {
  weight: number;
  preference: NodeSelectorTerm;
}

function preferredTerms(ctx: CycleContext): Preferred[] {
  const terms = ctx.pod.spec?.affinity?.nodeAffinity
    ?.preferredDuringSchedulingIgnoredDuringExecution as Preferred[] | undefined;
  return (terms ?? []).filter((t) => t.weight !== 0);
}

export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preScore(ctx) {
    if (preferredTerms(ctx).length === 0) return 'skip';
  },
  score(ctx, node) {
    let sum = 0;
    for (const t of preferredTerms(ctx)) if (termMatches(t.preference, node.node)) sum += t.weight;
    return sum;
  },
  normalize(_ctx, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  },
};
