import { describe, expect, it } from 'vitest';
import type { KInput } from '../../api/types';
import { bareSim, eventMessages, FakeKubelet, install, pods } from '../testing';
import { DaemonSetController } from './daemonset';
import { targetNode } from './placement';

function ds(extra: Record<string, unknown> = {}): KInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'a', image: 'agent:1' }], ...extra },
      },
    },
  };
}

function setup(extra: Record<string, unknown> = {}) {
  const sim = bareSim();
  install(sim, new DaemonSetController(sim));
  sim.register(new FakeKubelet(sim));
  sim.store.create(ds(extra));
  sim.runUntilIdle();
  return sim;
}

describe('DaemonSet controller', () => {
  it('runs one pod on each of the 3 workers but not on the tainted control-plane', () => {
    const sim = setup();
    const ps = pods(sim);
    expect(ps.map(targetNode).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    const p = ps[0];
    expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(
      p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms,
    ).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [targetNode(p)] }] },
    ]);
    expect(p.spec.tolerations).toContainEqual({
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
    });
    expect(p.metadata.labels?.['controller-revision-hash']).toMatch(/^[4-9bcdf]+$/);
    expect(eventMessages(sim, 'SuccessfulCreate')).toHaveLength(3);
    expect(sim.store.get('DaemonSet', 'default', 'agent')!.status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 3,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
      numberMisscheduled: 0,
    });
    expect(
      sim.store.list('ControllerRevision', { namespace: 'default' }).map((r) => r.revision),
    ).toEqual([1]);
  });

  it('tolerating every taint places a pod on the control-plane too', () => {
    const sim = setup({ tolerations: [{ operator: 'Exists' }] });
    expect(pods(sim).map(targetNode).sort()).toEqual([
      'control-plane',
      'node-1',
      'node-2',
      'node-3',
    ]);
  });

  it('honours nodeSelector', () => {
    const sim = setup({ nodeSelector: { 'kubernetes.io/hostname': 'node-2' } });
    expect(pods(sim).map(targetNode)).toEqual(['node-2']);
  });

  it('rolls out a new template one node at a time (maxUnavailable 1) and records a new revision', () => {
    const sim = setup();
    const seen: number[] = [];
    sim.store.watch(['Pod'], () =>
      seen.push(pods(sim).filter((p) => !p.metadata.deletionTimestamp).length),
    );
    sim.store.mutate(
      'DaemonSet',
      'default',
      'agent',
      (d) => (d.spec.template.spec.containers[0].image = 'agent:2'),
    );
    sim.runUntilIdle();
    expect(pods(sim).every((p) => p.spec.containers[0].image === 'agent:2')).toBe(true);
    expect(Math.min(...seen)).toBe(2);
    expect(
      sim.store
        .list('ControllerRevision', { namespace: 'default' })
        .map((r) => r.revision)
        .sort(),
    ).toEqual([1, 2]);
    expect(eventMessages(sim, 'SuccessfulDelete')).toHaveLength(3);
  });

  it('removes the pod of a node that gets a NoExecute taint it does not tolerate', () => {
    const sim = setup();
    sim.store.mutate(
      'Node',
      undefined,
      'node-1',
      (n) => (n.spec.taints = [{ key: 'maintenance', effect: 'NoExecute' }]),
    );
    sim.runUntilIdle();
    expect(pods(sim).map(targetNode).sort()).toEqual(['node-2', 'node-3']);
  });
});
