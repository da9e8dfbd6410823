/**
 * ImageLocality (`k/k:pkg/scheduler/framework/plugins/imagelocality/image_locality.go`): favours
 * nodes that already have the pod's images, scaled by how widely each image has spread so one
 * node does not attract every pod ("node heating").
 */
import type { KObject } from '../../api/types';
import { MAX_NODE_SCORE } from '../constants';
import type { ScorePlugin } from '../framework';
import { normalizedImageName, type NodeInfo, type Snapshot } from '../nodeinfo';

const MB = 1024 * 1024;
/** `minThreshold`: images below 23 MB count as nothing. */
export const MIN_THRESHOLD = 23 * MB;
/** `maxContainerThreshold`: 1000 MB per container. */
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** `calculatePriority`. */
export function imageLocalityPriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

function nodeImages(node: NodeInfo): Set<string> {
  const out = new Set<string>();
  for (const img of (node.node.status?.images ?? []) as { names?: string[] }[])
    for (const n of img.names ?? []) out.add(n);
  return out;
}

/** `sumImageScores` with `scaledImageScore`: size × (nodes having it / all nodes), truncated. */
export function sumImageScores(pod: KObject, node: NodeInfo, snapshot: Snapshot): number {
  const have = nodeImages(node);
  const total = snapshot.nodes.length;
  let sum = 0;
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    const name = normalizedImageName(c.image ?? '');
    const st = snapshot.imageStates.get(name);
    if (st && have.has(name)) sum += Math.trunc(st.size * (st.numNodes / total));
  }
  return sum;
}

export const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  score(ctx, node) {
    const n = (ctx.pod.spec?.initContainers ?? []).length + (ctx.pod.spec?.containers ?? []).length;
    return imageLocalityPriority(sumImageScores(ctx.pod, node, ctx.snapshot), n);
  },
};
