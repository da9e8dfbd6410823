/**
 * NodeResourcesBalancedAllocation (`k/k:.../noderesources/balanced_allocation.go`): favours nodes
 * whose cpu and memory fractions stay close. Uses actual requests (no non-zero defaults) and skips
 * best-effort pods (kubernetes/kubernetes#129138).
 */
import { MAX_NODE_SCORE } from '../constants';
import type { ScorePlugin } from '../framework';
import { podResourceRequests, type Res } from '../nodeinfo';

/** `balancedResourceScorer` for cpu and memory: (1 - |f_cpu - f_mem| / 2) * 100, truncated. */
export function balancedResourceScore(requested: Res, allocatable: Res): number {
  const fractions: number[] = [];
  for (const r of ['cpu', 'memory'] as const) {
    if (allocatable[r] === 0) continue;
    fractions.push(Math.min(1, requested[r] / allocatable[r]));
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

const STATE_KEY = 'PreScoreNodeResourcesBalancedAllocation';

export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  preScore(ctx) {
    const req = podResourceRequests(ctx.pod);
    if (req.cpu === 0 && req.memory === 0) return 'skip';
    ctx.state.set(STATE_KEY, req);
  },
  score(ctx, node) {
    const pod = ctx.state.get(STATE_KEY) as Res;
    return balancedResourceScore(
      { cpu: node.requested.cpu + pod.cpu, memory: node.requested.memory + pod.memory },
      node.allocatable,
    );
  },
};
