import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation } from '../cluster/create';
import { defaultClusterConfig } from '../config';
import { deployment } from './testing';

describe('kube-controller-manager in a full simulation', () => {
  it('bootstraps system objects and survives snapshot/restore with identical continuation', () => {
    const sim = createSimulation(defaultClusterConfig({ seed: 1 }));
    expect(sim.store.get('ServiceAccount', 'default', 'default')).toBeDefined();
    expect(
      sim.store.list('ReplicaSet', { namespace: 'kube-system' }).map((r) => r.metadata.name),
    ).toEqual([expect.stringMatching(/^coredns-[4-9bcdf]+$/)]);
    sim.store.create(deployment('web', 3));
    sim.advance(2);
    const copy = restoreSimulation(sim.snapshot());
    sim.advance(10_000);
    copy.advance(10_000);
    const names = (s: typeof sim) =>
      s.store.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name);
    expect(names(sim)).toHaveLength(3);
    expect(names(copy)).toEqual(names(sim));
  });
});
