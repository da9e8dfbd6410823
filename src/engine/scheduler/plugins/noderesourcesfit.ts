/**
 * NodeResourcesFit (`k/k:pkg/scheduler/framework/plugins/noderesources/fit.go`, `least_allocated.go`).
 * Filter: requests against allocatable minus what the node's pods already request, plus the pod
 * count. Score: LeastAllocated with cpu and memory weight 1, using the non-zero request defaults.
 */
import { MAX_NODE_SCORE } from '../constants';
import {
  unresolvable,
  unschedulable,
  type FilterPlugin,
  type ScorePlugin,
  type Status,
} from '../framework';
import { podResourceRequests, type NodeInfo, type Res } from '../nodeinfo';

export const REASON_TOO_MANY_PODS = 'Too many pods';
export const REASON_INSUFFICIENT_CPU = 'Insufficient cpu';
export const REASON_INSUFFICIENT_MEMORY = 'Insufficient memory';

/** `fitsRequest`: the reasons a node cannot hold the pod, and whether removing pods could help. */
export function fitsRequest(
  req: Res,
  node: NodeInfo,
): { reasons: string[]; unresolvable: boolean } {
  const reasons: string[] = [];
  let unres = false;
  if (node.pods.length + 1 > node.allocatable.pods) reasons.push(REASON_TOO_MANY_PODS);
  if (req.cpu === 0 && req.memory === 0) return { reasons, unresolvable: unres };
  if (req.cpu > 0 && req.cpu > node.allocatable.cpu - node.requested.cpu) {
    reasons.push(REASON_INSUFFICIENT_CPU);
    unres ||= req.cpu > node.allocatable.cpu;
  }
  if (req.memory > 0 && req.memory > node.allocatable.memory - node.requested.memory) {
    reasons.push(REASON_INSUFFICIENT_MEMORY);
    unres ||= req.memory > node.allocatable.memory;
  }
  return { reasons, unresolvable: unres };
}

export const nodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  preFilter(ctx) {
    ctx.state.set('PreFilterNodeResourcesFit', podResourceRequests(ctx.pod));
  },
  filter(ctx, node): Status | null {
    const r = fitsRequest(ctx.state.get('PreFilterNodeResourcesFit') as Res, node);
    if (r.reasons.length === 0) return null;
    return r.unresolvable
      ? unresolvable(this.name, ...r.reasons)
      : unschedulable(this.name, ...r.reasons);
  },
};

/** `leastRequestedScore`: (capacity - requested) * 100 / capacity, 0 when over capacity. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** `leastResourceScorer` with weights cpu 1, memory 1; resources with zero allocatable are left out. */
export function leastAllocatedScore(requested: Res, allocatable: Res): number {
  let score = 0;
  let weights = 0;
  for (const r of ['cpu', 'memory'] as const) {
    if (allocatable[r] === 0) continue;
    score += leastRequestedScore(requested[r], allocatable[r]);
    weights += 1;
  }
  return weights === 0 ? 0 : Math.trunc(score / weights);
}

export const nodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  preScore(ctx) {
    ctx.state.set('PreScoreNodeResourcesFit', podResourceRequests(ctx.pod, true));
  },
  score(ctx, node) {
    const pod = ctx.state.get('PreScoreNodeResourcesFit') as Res;
    const requested = {
      cpu: node.nonZeroRequested.cpu + pod.cpu,
      memory: node.nonZeroRequested.memory + pod.memory,
    };
    return leastAllocatedScore(requested, node.allocatable);
  },
};
