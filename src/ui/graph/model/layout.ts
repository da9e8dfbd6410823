/**
 * Step 4: positions. Rows from top to bottom: Services, top-level workloads, the ReplicaSets/Jobs
 * they own, then the scheduling-queue lane and the nodes with their pods. Pods keep the slot they
 * were first given inside their node (sticky slots), so a new or removed pod never moves the
 * others; a freed slot is reused by the next pod. Above DOT_LAYER_THRESHOLD pods the pods are
 * not graph nodes at all: each node draws them as one cheap dot layer.
 */
import type { StructRecord } from '../../store/cluster';
import type { GraphGroups } from './group';
import { byAge } from './group';
import type { GraphModel } from './model';

/** Above this many visible pods, pods are drawn as a dot layer per node (React Flow slows past ~500 moving nodes; TOOLCHAIN.md). */
export const DOT_LAYER_THRESHOLD = 150;

export const POD_W = 168;
export const POD_H = 44;
export const POD_GAP = 8;
export const POD_COLS = 2;
export const NODE_PAD = 12;
export const NODE_HEADER = 92;
export const NODE_W = NODE_PAD * 2 + POD_COLS * POD_W + (POD_COLS - 1) * POD_GAP;
export const NODE_GAP = 32;
export const QUEUE_W = NODE_PAD * 2 + POD_W;
export const QUEUE_HEADER = 40;
export const BOX_W = 200;
export const BOX_H = 60;
export const BOX_GAP = 24;
export const ROW_GAP = 56;
/** Dot layer: dot pitch and dots per row. */
export const DOT_PITCH = 12;
export const DOTS_PER_ROW = Math.floor((NODE_W - 2 * NODE_PAD) / DOT_PITCH);

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

/** Node name → pod uid → slot index, carried from one layout to the next. */
export type SlotMemory = Record<string, Record<string, number>>;

export interface GraphLayout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  slots: SlotMemory;
  dotMode: boolean;
}

export const QUEUE_ID = 'queue-lane';

/** Gives each pod a slot: pods keep their previous slot; new pods take the lowest free ones, oldest first. */
export function assignSlots(
  pods: StructRecord[],
  prev: Record<string, number> | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  const used = new Set<number>();
  for (const p of pods) {
    const s = prev?.[p.uid];
    if (s !== undefined && !used.has(s)) {
      out[p.uid] = s;
      used.add(s);
    }
  }
  let next = 0;
  for (const p of [...pods].sort(byAge)) {
    if (out[p.uid] !== undefined) continue;
    while (used.has(next)) next++;
    out[p.uid] = next;
    used.add(next);
  }
  return out;
}

function slotPos(slot: number, top: number): { x: number; y: number } {
  return {
    x: NODE_PAD + (slot % POD_COLS) * (POD_W + POD_GAP),
    y: top + Math.floor(slot / POD_COLS) * (POD_H + POD_GAP),
  };
}

export function nodeHeight(slotCount: number, dotMode: boolean, pods: number): number {
  if (dotMode)
    return NODE_HEADER + Math.max(1, Math.ceil(pods / DOTS_PER_ROW)) * DOT_PITCH + NODE_PAD * 2;
  const rows = Math.max(1, Math.ceil(slotCount / POD_COLS));
  return NODE_HEADER + rows * (POD_H + POD_GAP) - POD_GAP + NODE_PAD;
}

export function layoutGraph(m: GraphModel, g: GraphGroups, prev: SlotMemory = {}): GraphLayout {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const slots: SlotMemory = {};
  const dotMode = m.pods.length > DOT_LAYER_THRESHOLD;
  const podIds = new Set<string>();

  // Rows of boxes: Services, then top workloads, then owned workloads under their owners.
  let y = 0;
  const row = (items: StructRecord[], kind: LayoutKind) => {
    if (items.length === 0) return;
    items.forEach((r, i) =>
      nodes.push({
        id: r.uid,
        kind,
        x: QUEUE_W + NODE_GAP + i * (BOX_W + BOX_GAP),
        y,
        width: BOX_W,
        height: BOX_H,
      }),
    );
    y += BOX_H + ROW_GAP;
  };
  row(m.services, 'service');
  row(g.topWorkloads, 'workload');
  const ownerOrder = new Map(g.topWorkloads.map((w, i) => [w.uid, i]));
  const owned = [...g.ownedWorkloads].sort(
    (a, b) =>
      (ownerOrder.get(a.ownerUid!) ?? 0) - (ownerOrder.get(b.ownerUid!) ?? 0) || byAge(a, b),
  );
  row(owned, 'workload');
  const workloadIds = new Set(m.workloads.map((w) => w.uid));
  for (const w of g.ownedWorkloads)
    edges.push({
      id: `o:${w.ownerUid}>${w.uid}`,
      source: w.ownerUid!,
      target: w.uid,
      kind: 'owner',
    });

  // The scheduling-queue lane, then the nodes, parents before their pods (React Flow needs that order).
  const queueSlots = g.pending.length;
  nodes.push({
    id: QUEUE_ID,
    kind: 'queue',
    x: 0,
    y,
    width: QUEUE_W,
    height: QUEUE_HEADER + Math.max(1, queueSlots) * (POD_H + POD_GAP) + NODE_PAD,
  });
  if (!dotMode) {
    g.pending.forEach((p, i) => {
      nodes.push({
        id: p.uid,
        kind: 'pod',
        x: NODE_PAD,
        y: QUEUE_HEADER + i * (POD_H + POD_GAP),
        width: POD_W,
        height: POD_H,
        parentId: QUEUE_ID,
      });
      podIds.add(p.uid);
    });
  }
  let x = QUEUE_W + NODE_GAP;
  for (const n of m.nodes) {
    const pods = g.byNode.get(n.name) ?? [];
    const s = assignSlots(pods, prev[n.name]);
    slots[n.name] = s;
    const maxSlot = pods.reduce((mx, p) => Math.max(mx, s[p.uid] + 1), 0);
    nodes.push({
      id: n.uid,
      kind: 'k8snode',
      x,
      y,
      width: NODE_W,
      height: nodeHeight(maxSlot, dotMode, pods.length),
    });
    if (!dotMode) {
      for (const p of pods) {
        const pos = slotPos(s[p.uid], NODE_HEADER);
        nodes.push({
          id: p.uid,
          kind: 'pod',
          ...pos,
          width: POD_W,
          height: POD_H,
          parentId: n.uid,
        });
        podIds.add(p.uid);
      }
    }
    x += NODE_W + NODE_GAP;
  }

  for (const p of m.pods) {
    if (p.ownerUid && workloadIds.has(p.ownerUid) && podIds.has(p.uid))
      edges.push({
        id: `o:${p.ownerUid}>${p.uid}`,
        source: p.ownerUid,
        target: p.uid,
        kind: 'owner',
      });
  }
  for (const svc of m.services) {
    for (const ep of svc.endpoints ?? [])
      if (podIds.has(ep))
        edges.push({ id: `s:${svc.uid}>${ep}`, source: svc.uid, target: ep, kind: 'service' });
  }
  return { nodes, edges, slots, dotMode };
}
