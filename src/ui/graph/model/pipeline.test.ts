import { describe, expect, it } from 'vitest';
import type { StructRecord } from '../../store/cluster';
import { buildModel } from './model';
import { filterModel } from './filter';
import { groupModel } from './group';
import {
  DOT_LAYER_THRESHOLD,
  layoutGraph,
  NODE_HEADER,
  NODE_W,
  POD_COLS,
  QUEUE_ID,
  type LayoutNode,
} from './layout';
import { assignColors, assignSlots, OWNER_COLORS } from './slots';

let t = 0;
const rec = (kind: string, name: string, extra: Partial<StructRecord> = {}): StructRecord => ({
  uid: `${kind}-${name}`,
  kind,
  name,
  created: ++t,
  ...(kind === 'Node' ? {} : { namespace: 'default' }),
  ...extra,
});

function cluster(): Record<string, StructRecord> {
  const list = [
    rec('Node', 'node-2'),
    rec('Node', 'control-plane'),
    rec('Node', 'node-1'),
    rec('Deployment', 'web'),
    rec('ReplicaSet', 'web-abc', { ownerUid: 'Deployment-web' }),
    rec('Pod', 'web-abc-1', { ownerUid: 'ReplicaSet-web-abc', nodeName: 'node-1' }),
    rec('Pod', 'web-abc-2', { ownerUid: 'ReplicaSet-web-abc', nodeName: 'node-2' }),
    rec('Pod', 'web-abc-3', { ownerUid: 'ReplicaSet-web-abc' }),
    rec('Service', 'web', { endpoints: ['Pod-web-abc-1'] }),
    rec('Pod', 'coredns-1', { namespace: 'kube-system', nodeName: 'control-plane' }),
    rec('Namespace', 'kube-system', { namespace: undefined }),
  ];
  return Object.fromEntries(list.map((r) => [r.uid, r]));
}

describe('graph pipeline', () => {
  it('model sorts every list by namespace and name', () => {
    const m = buildModel(cluster());
    expect(m.nodes.map((n) => n.name)).toEqual(['control-plane', 'node-1', 'node-2']);
    expect(m.pods.map((p) => p.name)).toEqual(['web-abc-1', 'web-abc-2', 'web-abc-3', 'coredns-1']);
    expect(m.namespaces).toEqual(['default', 'kube-system']);
  });

  it('filter hides namespaced objects of hidden namespaces but keeps nodes', () => {
    const m = filterModel(buildModel(cluster()), ['kube-system']);
    expect(m.pods.map((p) => p.name)).not.toContain('coredns-1');
    expect(m.nodes).toHaveLength(3);
  });

  it('group puts unbound pods in the queue lane and owned workloads under owners', () => {
    const g = groupModel(filterModel(buildModel(cluster()), ['kube-system']));
    expect(g.pending.map((p) => p.name)).toEqual(['web-abc-3']);
    expect(g.byNode.get('node-1')!.map((p) => p.name)).toEqual(['web-abc-1']);
    expect(g.byNode.get('control-plane')).toEqual([]);
    expect(g.topWorkloads.map((w) => w.name)).toEqual(['web']);
    expect(g.ownedWorkloads.map((w) => w.name)).toEqual(['web-abc']);
  });

  it('a pod bound to a node that does not exist waits in the queue lane', () => {
    const s = cluster();
    s['Pod-web-abc-1'] = { ...s['Pod-web-abc-1'], nodeName: 'gone' };
    expect(groupModel(buildModel(s)).pending.map((p) => p.name)).toContain('web-abc-1');
  });

  it('layout lists parents before their children; edges: owner → owned workload, Service → endpoint pods', () => {
    const m = filterModel(buildModel(cluster()), ['kube-system']);
    const l = layoutGraph(m, groupModel(m));
    const index = new Map(l.nodes.map((n, i) => [n.id, i]));
    for (const n of l.nodes)
      if (n.parentId) expect(index.get(n.parentId)!).toBeLessThan(index.get(n.id)!);
    expect(l.nodes.find((n) => n.id === 'Pod-web-abc-3')!.parentId).toBe(QUEUE_ID);
    // Pods show their owner by colour instead of an edge across the canvas.
    expect(l.edges.map((e) => e.id).sort()).toEqual([
      'o:Deployment-web>ReplicaSet-web-abc',
      's:Service-web>Pod-web-abc-1',
    ]);
    expect(l.dotMode).toBe(false);
  });

  it('boxes never overlap within a row', () => {
    const m = buildModel(cluster());
    const l = layoutGraph(m, groupModel(m));
    const top = l.nodes.filter((n) => !n.parentId);
    const overlap = (a: LayoutNode, b: LayoutNode) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (let i = 0; i < top.length; i++)
      for (let j = i + 1; j < top.length; j++) expect(overlap(top[i], top[j])).toBe(false);
  });

  it('sticky slots: existing pods keep their slot when an older pod goes away and a new one comes', () => {
    const pods = ['a', 'b', 'c'].map((n) => rec('Pod', n, { nodeName: 'node-1' }));
    const first = assignSlots(pods, undefined);
    expect(first).toEqual({ 'Pod-a': 0, 'Pod-b': 1, 'Pod-c': 2 });
    const d = rec('Pod', 'd', { nodeName: 'node-1' });
    const second = assignSlots([pods[1], pods[2], d], first);
    expect(second).toEqual({ 'Pod-b': 1, 'Pod-c': 2, 'Pod-d': 0 });
  });

  it('pod positions do not move when another pod is added to the node', () => {
    const s = cluster();
    const m1 = buildModel(s);
    const l1 = layoutGraph(m1, groupModel(m1));
    const p = rec('Pod', 'web-abc-9', { ownerUid: 'ReplicaSet-web-abc', nodeName: 'node-1' });
    const m2 = buildModel({ ...s, [p.uid]: p });
    const l2 = layoutGraph(m2, groupModel(m2), l1.memory);
    const pos = (l: typeof l1, id: string) => l.nodes.find((n) => n.id === id)!;
    expect(pos(l2, 'Pod-web-abc-1')).toMatchObject({
      x: pos(l1, 'Pod-web-abc-1').x,
      y: pos(l1, 'Pod-web-abc-1').y,
    });
    expect(pos(l2, 'Pod-web-abc-9').y).toBe(NODE_HEADER);
    expect(POD_COLS).toBeGreaterThan(1);
  });

  it(`above ${DOT_LAYER_THRESHOLD} pods, pods are not graph nodes (dot layer)`, () => {
    const s = cluster();
    for (let i = 0; i <= DOT_LAYER_THRESHOLD; i++) {
      const p = rec('Pod', `many-${i}`, { nodeName: 'node-1' });
      s[p.uid] = p;
    }
    const m = buildModel(s);
    const l = layoutGraph(m, groupModel(m));
    expect(l.dotMode).toBe(true);
    expect(l.nodes.some((n) => n.kind === 'pod')).toBe(false);
    expect(l.edges.some((e) => e.target.startsWith('Pod-'))).toBe(false);
  });

  const workers = (n: number) =>
    Object.fromEntries(
      ['control-plane', ...Array.from({ length: n }, (_, i) => `node-${i + 1}`)].map((name) => {
        const r = rec('Node', name);
        return [r.uid, r];
      }),
    );
  const nodeBoxes = (l: ReturnType<typeof layoutGraph>) =>
    l.nodes.filter((n) => n.kind === 'k8snode');

  it.each([
    [1.45, 2],
    [4, 4],
    [0.6, 1],
  ])('four nodes in a pane of aspect %s are laid out in %s columns', (aspect, cols) => {
    const m = buildModel(workers(3));
    const l = layoutGraph(m, groupModel(m), undefined, { aspect });
    expect(l.columns).toBe(cols);
    expect(new Set(nodeBoxes(l).map((n) => n.x)).size).toBe(cols);
  });

  it('nodes sit below the queue lane, which sits below the workload band', () => {
    const m = buildModel(cluster());
    const l = layoutGraph(m, groupModel(m), undefined, { aspect: 1.5 });
    const queue = l.nodes.find((n) => n.id === QUEUE_ID)!;
    const band = l.nodes.filter((n) => n.kind === 'workload' || n.kind === 'service');
    for (const b of band) expect(b.y + b.height).toBeLessThan(queue.y);
    for (const n of nodeBoxes(l)) expect(n.y).toBeGreaterThan(queue.y + queue.height);
    expect(queue.width).toBe(l.columns * NODE_W + (l.columns - 1) * (nodeBoxes(l)[1].x - NODE_W));
  });

  it('a ReplicaSet sits under its Deployment; Services share its row, at the right', () => {
    const m = buildModel(cluster());
    const l = layoutGraph(m, groupModel(m), undefined, { aspect: 1.5 });
    const at = (id: string) => l.nodes.find((n) => n.id === id)!;
    expect(at('ReplicaSet-web-abc').x).toBe(at('Deployment-web').x);
    expect(at('ReplicaSet-web-abc').y).toBeGreaterThan(at('Deployment-web').y);
    expect(at('Service-web').y).toBe(at('ReplicaSet-web-abc').y);
    expect(at('Service-web').x).toBeGreaterThan(at('ReplicaSet-web-abc').x);
  });

  it('a new ReplicaSet appears beside the old one, which does not move, and gets another colour', () => {
    const s = cluster();
    const m1 = buildModel(s);
    const l1 = layoutGraph(m1, groupModel(m1), undefined, { aspect: 1.5 });
    const rs2 = rec('ReplicaSet', 'web-def', { ownerUid: 'Deployment-web' });
    const m2 = buildModel({ ...s, [rs2.uid]: rs2 });
    const l2 = layoutGraph(m2, groupModel(m2), l1.memory, { aspect: 1.5 });
    const at = (l: typeof l1, id: string) => l.nodes.find((n) => n.id === id)!;
    expect(at(l2, 'ReplicaSet-web-abc')).toEqual(at(l1, 'ReplicaSet-web-abc'));
    expect(at(l2, 'ReplicaSet-web-def').y).toBe(at(l1, 'ReplicaSet-web-abc').y);
    expect(at(l2, 'ReplicaSet-web-def').x).toBeGreaterThan(at(l1, 'ReplicaSet-web-abc').x);
    expect(l2.memory.colors['ReplicaSet-web-def']).not.toBe(l2.memory.colors['ReplicaSet-web-abc']);
    expect(l2.memory.colors['ReplicaSet-web-abc']).toBe(l1.memory.colors['ReplicaSet-web-abc']);
  });

  it('owner colours are sticky and shared only when there are more owners than colours', () => {
    const owners = Array.from({ length: OWNER_COLORS + 2 }, (_, i) => rec('ReplicaSet', `rs-${i}`));
    const c1 = assignColors(owners.slice(0, 3), undefined);
    expect(new Set(Object.values(c1)).size).toBe(3);
    const c2 = assignColors(owners.slice(1, 4), c1);
    expect(c2[owners[1].uid]).toBe(c1[owners[1].uid]);
    expect(c2[owners[3].uid]).toBe(c1[owners[0].uid]); // the freed colour is reused
    const all = assignColors(owners, undefined);
    expect(Object.values(all).every((c) => c >= 0 && c < OWNER_COLORS)).toBe(true);
  });

  it('a pod growing a node to a second row moves nothing in the rows above', () => {
    const s = cluster();
    const m1 = buildModel(s);
    const l1 = layoutGraph(m1, groupModel(m1), undefined, { aspect: 1.5 });
    const extra = [5, 6, 7].map((i) => rec('Pod', `web-abc-${i}`, { nodeName: 'node-1' }));
    const m2 = buildModel({ ...s, ...Object.fromEntries(extra.map((p) => [p.uid, p])) });
    const l2 = layoutGraph(m2, groupModel(m2), l1.memory, { aspect: 1.5 });
    const firstRow = nodeBoxes(l1).filter((n) => n.y === nodeBoxes(l1)[0].y);
    for (const n of firstRow) expect(l2.nodes.find((x) => x.id === n.id)!.y).toBe(n.y);
  });
});
