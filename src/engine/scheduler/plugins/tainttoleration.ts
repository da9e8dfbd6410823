/**
 * TaintToleration (`k/k:pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go`).
 * Filter: untolerated NoSchedule/NoExecute taints. Score: the number of untolerated
 * PreferNoSchedule taints, reverse-normalised so fewer is better.
 */
import type { Taint, Toleration } from '../../api/types';
import { MAX_NODE_SCORE } from '../constants';
import {
  defaultNormalizeScore,
  unresolvable,
  type FilterPlugin,
  type ScorePlugin,
} from '../framework';
import { findUntoleratedTaint, tolerationsTolerateTaint } from '../taints';

/** The 1.35 wording (kubernetes/kubernetes#134740): no taint key or value in the message. */
export const ERR_REASON_UNTOLERATED = 'node(s) had untolerated taint(s)';

export const taintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(ctx, node) {
    const taint = findUntoleratedTaint(
      node.node.spec?.taints,
      ctx.pod.spec?.tolerations,
      (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute',
    );
    return taint ? unresolvable(this.name, ERR_REASON_UNTOLERATED) : null;
  },
};

const STATE_KEY = 'PreScoreTaintToleration';

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  preScore(ctx) {
    // getAllTolerationPreferNoSchedule: tolerations with an empty or PreferNoSchedule effect.
    const tols = ((ctx.pod.spec?.tolerations ?? []) as Toleration[]).filter(
      (t) => !t.effect || t.effect === 'PreferNoSchedule',
    );
    ctx.state.set(STATE_KEY, tols);
  },
  score(ctx, node) {
    const tols = ctx.state.get(STATE_KEY) as Toleration[];
    let n = 0;
    for (const t of (node.node.spec?.taints ?? []) as Taint[]) {
      if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tols, t)) n++;
    }
    return n;
  },
  normalize(_ctx, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  },
};
