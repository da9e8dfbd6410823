import { describe, expect, it } from 'vitest';
import { eventsFor, getPod, podOn, testSim } from './testutil';
import { addNode, startNode, stopNode } from './nodeops';

const TOLERATIONS = [
  {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
  {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
];

function ready(sim: ReturnType<typeof testSim>, node: string) {
  return sim.store
    .get('Node', undefined, node)!
    .status.conditions.find((c: { type: string }) => c.type === 'Ready');
}

describe('node failure', () => {
  it('50 s → Unknown and tainted; +300 s the pod is evicted and stays Terminating; the kubelet finishes it on return', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-2', 'web', {
        tolerations: TOLERATIONS,
        containers: [{ name: 'nginx', image: 'nginx:1.27' }],
      }),
    );
    sim.store.create(
      podOn('node-2', 'ds', {
        tolerations: [
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
        ],
        containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }],
      }),
    );
    sim.runUntil(() => getPod(sim, 'web')?.status?.phase === 'Running', sim.now() + 60_000);
    const down = sim.now();
    expect(stopNode(sim, 'node-2').ok).toBe(true);

    sim.runUntil(() => ready(sim, 'node-2').status === 'Unknown', down + 120_000);
    const unknownAfter = (sim.now() - down) / 1000;
    expect(unknownAfter).toBeGreaterThan(50);
    expect(unknownAfter).toBeLessThanOrEqual(65);
    expect(ready(sim, 'node-2')).toMatchObject({
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    const taints = sim.store
      .get('Node', undefined, 'node-2')!
      .spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`);
    expect(taints).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    sim.advance(1_000);
    expect(
      getPod(sim, 'web')!.status.conditions.find((c: { type: string }) => c.type === 'Ready')
        .status,
    ).toBe('False');
    expect(
      eventsFor(sim, 'web').some(
        (e) => e.reason === 'NodeNotReady' && e.message === 'Node is not ready',
      ),
    ).toBe(true);

    sim.runUntil(() => !!getPod(sim, 'web')?.metadata.deletionTimestamp, sim.now() + 400_000);
    const evictedAfter = (sim.now() - down) / 1000;
    expect(evictedAfter).toBeGreaterThan(350);
    expect(evictedAfter).toBeLessThan(370);
    expect(eventsFor(sim, 'web').find((e) => e.reason === 'TaintManagerEviction')!.message).toBe(
      'Marking for deletion Pod default/web',
    );
    // The pod tolerating unreachable forever (a DaemonSet pod) stays.
    expect(getPod(sim, 'ds')!.metadata.deletionTimestamp).toBeUndefined();

    // Nobody confirms the deletion while the node is down.
    sim.advance(10 * 60_000);
    expect(getPod(sim, 'web')).toBeDefined();

    expect(startNode(sim, 'node-2').ok).toBe(true);
    sim.runUntil(() => !getPod(sim, 'web'), sim.now() + 60_000);
    expect(getPod(sim, 'web')).toBeUndefined();
    sim.advance(10_000);
    expect(ready(sim, 'node-2').status).toBe('True');
    expect(sim.store.get('Node', undefined, 'node-2')!.spec.taints).toBeUndefined();
  });

  it('kubeplay node add joins a node with the next IP and podCIDR, and its kubelet runs pods', () => {
    const sim = testSim();
    const r = addNode(sim, {});
    expect(r.ok).toBe(true);
    const node = sim.store.get('Node', undefined, 'node-4')!;
    expect(node.spec.podCIDR).toBe('10.244.4.0/24');
    expect(node.status.addresses[0].address).toBe('192.168.49.6');
    sim.store.create(
      podOn('node-4', 'p', {
        containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', 'infinity'] }],
      }),
    );
    sim.runUntil(() => getPod(sim, 'p')?.status?.phase === 'Running', sim.now() + 60_000);
    expect(getPod(sim, 'p')!.status.podIP).toBe('10.244.4.2');
  });
});
