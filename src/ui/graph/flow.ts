/** Turns a pure layout into React Flow nodes and edges (structure and positions only). */
import type { Edge, Node } from '@xyflow/react';
import type { GraphLayout } from './model/layout';
import type { GraphGroups } from './model/group';
import type { StructRecord } from '../store/cluster';

export type GraphNodeData = {
  uid: string;
  /** Dot-layer mode: the pods drawn inside this node. */
  dotPods?: string[];
  /** Queue lane: number of pending pods; node: number of pods drawn in it (after the filter). */
  count?: number;
  /** Owner colour index (pods: their owner's; workloads: their own), see slots.ts. */
  color?: number;
  /** Pods: the part of the name after the owner's name (`mg2l7` of `kubia-6f7dfc584d-mg2l7`). */
  short?: string;
};

/** Longest pod name shown whole on a chip; longer names show what follows their owner's name. */
export const SHORT_NAME_MAX = 14;

export function shortPodName(name: string, ownerName: string | undefined): string {
  if (name.length <= SHORT_NAME_MAX) return name;
  if (ownerName && name.startsWith(`${ownerName}-`)) return `…${name.slice(ownerName.length + 1)}`;
  return `…${name.slice(-(SHORT_NAME_MAX - 1))}`;
}

/** Accessible name of an edge, in the UI's language (names, not uids). */
export type DescribeEdge = (kind: 'owner' | 'service', from: string, to: string) => string;

export function toFlow(
  l: GraphLayout,
  g: GraphGroups,
  byUid: Map<string, StructRecord>,
  describe: DescribeEdge = (kind, from, to) => `${from} → ${to}`,
): { nodes: Node<GraphNodeData>[]; edges: Edge[] } {
  const colors = l.memory.colors;
  const nodes: Node<GraphNodeData>[] = l.nodes.map((n) => {
    const data: GraphNodeData = { uid: n.id };
    const rec = byUid.get(n.id);
    if (n.kind === 'queue') data.count = g.pending.length;
    if (n.kind === 'k8snode') data.count = (g.byNode.get(rec?.name ?? '') ?? []).length;
    if (n.kind === 'k8snode' && l.dotMode)
      data.dotPods = (g.byNode.get(rec?.name ?? '') ?? []).map((p) => p.uid);
    if (n.kind === 'workload' && colors[n.id] !== undefined) data.color = colors[n.id];
    if (n.kind === 'pod' && rec) {
      const owner = rec.ownerUid ? byUid.get(rec.ownerUid) : undefined;
      if (rec.ownerUid && colors[rec.ownerUid] !== undefined) data.color = colors[rec.ownerUid];
      data.short = shortPodName(rec.name, owner?.name);
    }
    return {
      id: n.id,
      type: n.kind,
      position: { x: n.x, y: n.y },
      width: n.width,
      height: n.height,
      style: { width: n.width, height: n.height },
      data,
      draggable: false,
      selectable: false,
      connectable: false,
      ...(n.parentId ? { parentId: n.parentId, extent: 'parent' as const } : {}),
    };
  });
  const edges: Edge[] = l.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.kind === 'service' ? 'traffic' : 'default',
    className: `edge-${e.kind}`,
    ariaLabel: describe(e.kind, byUid.get(e.source)?.name ?? '', byUid.get(e.target)?.name ?? ''),
    selectable: false,
    focusable: false,
  }));
  return { nodes, edges };
}
