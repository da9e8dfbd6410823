/** Turns a pure layout into React Flow nodes and edges (structure and positions only). */
import type { Edge, Node } from '@xyflow/react';
import type { GraphLayout } from './model/layout';
import type { GraphGroups } from './model/group';
import type { StructRecord } from '../store/cluster';

export type GraphNodeData = {
  uid: string;
  /** Dot-layer mode: the pods drawn inside this node. */
  dotPods?: string[];
  /** Queue lane: number of pending pods. */
  count?: number;
};

export function toFlow(
  l: GraphLayout,
  g: GraphGroups,
  nodesByUid: Map<string, StructRecord>,
): { nodes: Node<GraphNodeData>[]; edges: Edge[] } {
  const nodes: Node<GraphNodeData>[] = l.nodes.map((n) => {
    const data: GraphNodeData = { uid: n.id };
    if (n.kind === 'queue') data.count = g.pending.length;
    if (n.kind === 'k8snode' && l.dotMode) {
      const name = nodesByUid.get(n.id)?.name ?? '';
      data.dotPods = (g.byNode.get(name) ?? []).map((p) => p.uid);
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
    className: `edge-${e.kind}`,
    selectable: false,
    focusable: false,
  }));
  return { nodes, edges };
}
