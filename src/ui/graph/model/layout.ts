/**
 * Step 4: positions. A band of workloads on top (Deployments and other top-level workloads, with
 * the ReplicaSets/Jobs they own in the row below, and the Services at the right of that row, right
 * above the pods they route to), then the scheduling-queue lane across the full width, then the
 * nodes in a grid whose column count fits the pane's aspect ratio. Pods keep the slot they were
 * first given inside their node and owners keep their colour (sticky, see slots.ts), so a new or
 * removed pod never moves the others. Above DOT_LAYER_THRESHOLD pods, pods are not graph nodes:
 * each node draws them as one cheap dot layer.
 */
import { serviceEdgeId, type StructRecord } from '../../store/cluster';
import type { GraphGroups } from './group';
import { byAge } from './group';
import type { GraphModel } from './model';
import { assignColors, assignSlots } from './slots';
import { chooseColumns } from './fit';

/** Above this many visible pods, pods are drawn as a dot layer per node (React Flow slows past ~500 moving nodes; TOOLCHAIN.md). */
export const DOT_LAYER_THRESHOLD = 150;
export const POD_W = 150;
export const POD_H = 40;
export const POD_GAP = 8;
export const POD_COLS = 2;
export const NODE_PAD = 10;
/** Name row and the capacity bars above the pods of a node. */
export const NODE_HEADER = 62;
export const NODE_W = NODE_PAD * 2 + POD_COLS * POD_W + (POD_COLS - 1) * POD_GAP;
export const NODE_GAP = 28;
/** The node height the column choice assumes (two rows of pods), so it does not change per pod. */
export const NOMINAL_NODE_H = NODE_HEADER + 2 * (POD_H + POD_GAP) - POD_GAP + NODE_PAD;
export const BOX_W = 184;
export const BOX_H = 52;
export const BOX_GAP = 20;
/** Vertical gap between the rows of the workload band, the queue lane and the node grid. */
export const BAND_GAP = 36;
/** Width of the queue lane's title column (its pods sit to the right of it). */
export const QUEUE_TITLE_W = 176;
export const QUEUE_H_MIN = NODE_PAD * 2 + POD_H;
/** Dot layer: dot pitch and dots per row. */
export const DOT_PITCH = 12;
export const DOTS_PER_ROW = Math.floor((NODE_W - 2 * NODE_PAD) / DOT_PITCH);
/** Kinds whose pods carry their colour (the owners of pods; Deployments own ReplicaSets). */
export const POD_OWNER_KINDS = new Set(['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

export type LayoutKind = 'k8snode' | 'pod' | 'workload' | 'service' | 'queue';

export interface LayoutNode {
  id: string;
  kind: LayoutKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Pods: the node box (or queue lane) they sit in; positions are then relative to it. */
  parentId?: string;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  kind: 'owner' | 'service';
}

/** What a layout remembers for the next one: pod slots per node and owner colours. */
export interface LayoutMemory {
  slots: Record<string, Record<string, number>>;
  colors: Record<string, number>;
}

export interface GraphLayout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  memory: LayoutMemory;
  dotMode: boolean;
  columns: number;
}

export const QUEUE_ID = 'queue-lane';
export const EMPTY_MEMORY: LayoutMemory = { slots: {}, colors: {} };

function slotPos(slot: number): { x: number; y: number } {
  return {
    x: NODE_PAD + (slot % POD_COLS) * (POD_W + POD_GAP),
    y: NODE_HEADER + Math.floor(slot / POD_COLS) * (POD_H + POD_GAP),
  };
}

export function nodeHeight(slotCount: number, dotMode: boolean, pods: number): number {
  if (dotMode)
    return NODE_HEADER + Math.max(1, Math.ceil(pods / DOTS_PER_ROW)) * DOT_PITCH + NODE_PAD;
  const rows = Math.max(1, Math.ceil(slotCount / POD_COLS));
  return NODE_HEADER + rows * (POD_H + POD_GAP) - POD_GAP + NODE_PAD;
}

/** Pods per row of the queue lane. */
export function queueCapacity(width: number): number {
  return Math.max(1, Math.floor((width - QUEUE_TITLE_W - NODE_PAD + POD_GAP) / (POD_W + POD_GAP)));
}

/** Top workloads in one row, the workloads they own below (each group under its owner), Services at the right of that row. */
function band(g: GraphGroups, services: StructRecord[], gridW: number, nodes: LayoutNode[]) {
  const box = (id: string, kind: LayoutKind, x: number, y: number) =>
    nodes.push({ id, kind, x, y, width: BOX_W, height: BOX_H });
  const step = BOX_W + BOX_GAP;
  const xOf = new Map<string, number>();
  g.topWorkloads.forEach((w, i) => {
    xOf.set(w.uid, i * step);
    box(w.uid, 'workload', i * step, 0);
  });
  const rowB = g.topWorkloads.length > 0 ? BOX_H + BAND_GAP : 0;
  const order = new Map(g.topWorkloads.map((w, i) => [w.uid, i]));
  const owned = [...g.ownedWorkloads].sort(
    (a, b) => (order.get(a.ownerUid!) ?? 0) - (order.get(b.ownerUid!) ?? 0) || byAge(a, b),
  );
  let cursor = 0;
  let lastOwner: string | undefined;
  for (const w of owned) {
    if (w.ownerUid !== lastOwner) cursor = Math.max(cursor, xOf.get(w.ownerUid!) ?? 0);
    lastOwner = w.ownerUid;
    box(w.uid, 'workload', cursor, rowB);
    cursor += step;
  }
  const svcW = services.length * step - BOX_GAP;
  const svcX = Math.max(cursor > 0 ? cursor + BOX_GAP : 0, gridW - svcW);
  services.forEach((s, i) => box(s.uid, 'service', svcX + i * step, rowB));
  const hasRowB = owned.length > 0 || services.length > 0;
  const bottom = hasRowB ? rowB + BOX_H : g.topWorkloads.length > 0 ? BOX_H : 0;
  return bottom > 0 ? bottom + BAND_GAP : 0;
}

export interface LayoutOptions {
  /** Width / height of the graph pane; decides the number of node columns. */
  aspect?: number;
}

export function layoutGraph(
  m: GraphModel,
  g: GraphGroups,
  prev: LayoutMemory = EMPTY_MEMORY,
  opts: LayoutOptions = {},
): GraphLayout {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const slots: LayoutMemory['slots'] = {};
  const dotMode = m.pods.length > DOT_LAYER_THRESHOLD;
  const podIds = new Set<string>();

  const bandRows =
    (g.topWorkloads.length > 0 ? 1 : 0) +
    (m.workloads.length + m.services.length > g.topWorkloads.length ? 1 : 0);
  const bandH = bandRows * (BOX_H + BAND_GAP) + QUEUE_H_MIN + BAND_GAP;
  const columns = chooseColumns(
    m.nodes.length,
    opts.aspect ?? 1.5,
    { w: NODE_W, h: NOMINAL_NODE_H, gap: NODE_GAP },
    bandH,
  );
  const gridW = columns * NODE_W + (columns - 1) * NODE_GAP;
  let y = band(g, m.services, gridW, nodes);

  for (const w of g.ownedWorkloads)
    edges.push({
      id: `o:${w.ownerUid}>${w.uid}`,
      source: w.ownerUid!,
      target: w.uid,
      kind: 'owner',
    });

  // The scheduling-queue lane across the grid, then the nodes (parents before their pods: React Flow needs that order).
  const cap = queueCapacity(gridW);
  const queueRows = dotMode ? 1 : Math.max(1, Math.ceil(g.pending.length / cap));
  const queueH = NODE_PAD * 2 + queueRows * (POD_H + POD_GAP) - POD_GAP;
  nodes.push({ id: QUEUE_ID, kind: 'queue', x: 0, y, width: gridW, height: queueH });
  if (!dotMode)
    g.pending.forEach((p, i) => {
      nodes.push({
        id: p.uid,
        kind: 'pod',
        x: QUEUE_TITLE_W + (i % cap) * (POD_W + POD_GAP),
        y: NODE_PAD + Math.floor(i / cap) * (POD_H + POD_GAP),
        width: POD_W,
        height: POD_H,
        parentId: QUEUE_ID,
      });
      podIds.add(p.uid);
    });
  y += queueH + BAND_GAP;

  for (let r = 0; r * columns < m.nodes.length; r++) {
    let rowH = 0;
    m.nodes.slice(r * columns, (r + 1) * columns).forEach((n, c) => {
      const pods = g.byNode.get(n.name) ?? [];
      const s = assignSlots(pods, prev.slots[n.name]);
      slots[n.name] = s;
      const maxSlot = pods.reduce((mx, p) => Math.max(mx, s[p.uid] + 1), 0);
      const height = nodeHeight(maxSlot, dotMode, pods.length);
      rowH = Math.max(rowH, height);
      nodes.push({
        id: n.uid,
        kind: 'k8snode',
        x: c * (NODE_W + NODE_GAP),
        y,
        width: NODE_W,
        height,
      });
      if (dotMode) return;
      for (const p of pods) {
        nodes.push({
          id: p.uid,
          kind: 'pod',
          ...slotPos(s[p.uid]),
          width: POD_W,
          height: POD_H,
          parentId: n.uid,
        });
        podIds.add(p.uid);
      }
    });
    y += rowH + NODE_GAP;
  }

  for (const svc of m.services)
    for (const ep of svc.endpoints ?? [])
      if (podIds.has(ep))
        edges.push({
          id: serviceEdgeId(svc.uid, ep),
          source: svc.uid,
          target: ep,
          kind: 'service',
        });

  const colors = assignColors(
    m.workloads.filter((w) => POD_OWNER_KINDS.has(w.kind)),
    prev.colors,
  );
  return { nodes, edges, memory: { slots, colors }, dotMode, columns };
}
