import { describe, expect, it } from 'vitest';
import { deployment, pods, workloadCluster } from './testing';

function setup() {
  const sim = workloadCluster();
  sim.store.create(deployment('web', 2));
  sim.runUntilIdle();
  return sim;
}

describe('garbagecollector', () => {
  it('background: deleting a Deployment removes its ReplicaSets and pods', () => {
    const sim = setup();
    sim.store.delete('Deployment', 'default', 'web');
    sim.runUntilIdle();
    expect(sim.store.list('ReplicaSet', { namespace: 'default' })).toHaveLength(0);
    expect(pods(sim)).toHaveLength(0);
  });

  it('foreground: dependents go first, then the owner', () => {
    const sim = setup();
    sim.store.delete('Deployment', 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(sim.store.get('Deployment', 'default', 'web')!.metadata.finalizers).toEqual([
      'foregroundDeletion',
    ]);
    sim.runUntilIdle();
    expect(sim.store.get('Deployment', 'default', 'web')).toBeUndefined();
    expect(sim.store.list('ReplicaSet', { namespace: 'default' })).toHaveLength(0);
    expect(pods(sim)).toHaveLength(0);
  });

  it('orphan: dependents lose their ownerReference and stay', () => {
    const sim = setup();
    sim.store.delete('Deployment', 'default', 'web', { propagationPolicy: 'Orphan' });
    sim.runUntilIdle();
    expect(sim.store.get('Deployment', 'default', 'web')).toBeUndefined();
    const [rs] = sim.store.list('ReplicaSet', { namespace: 'default' });
    expect(rs.metadata.ownerReferences).toBeUndefined();
    expect(pods(sim)).toHaveLength(2);
  });
});
