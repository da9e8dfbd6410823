/**
 * Step 3: pods by the node they are bound to; pods not bound yet (or bound to a node that no
 * longer exists) form the scheduling-queue lane. Workloads split into top-level objects and the
 * ReplicaSets/Jobs their controllers own.
 */
import type { GraphModel } from './model';
import type { StructRecord } from '../../store/cluster';

export interface GraphGroups {
  /** Node name → pods on it, oldest first. */
  byNode: Map<string, StructRecord[]>;
  pending: StructRecord[];
  topWorkloads: StructRecord[];
  ownedWorkloads: StructRecord[];
}

export function byAge(a: StructRecord, b: StructRecord): number {
  return a.created - b.created || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export function groupModel(m: GraphModel): GraphGroups {
  const byNode = new Map<string, StructRecord[]>(m.nodes.map((n) => [n.name, []]));
  const pending: StructRecord[] = [];
  for (const p of m.pods) {
    const list = p.nodeName ? byNode.get(p.nodeName) : undefined;
    if (list) list.push(p);
    else pending.push(p);
  }
  for (const list of byNode.values()) list.sort(byAge);
  pending.sort(byAge);
  const visible = new Set(m.workloads.map((w) => w.uid));
  const topWorkloads: StructRecord[] = [];
  const ownedWorkloads: StructRecord[] = [];
  for (const w of m.workloads) {
    if (w.ownerUid && visible.has(w.ownerUid)) ownedWorkloads.push(w);
    else topWorkloads.push(w);
  }
  return { byNode, pending, topWorkloads, ownedWorkloads };
}
