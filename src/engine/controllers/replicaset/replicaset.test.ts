import { describe, expect, it } from 'vitest';
import { bareSim, eventMessages, install, pods, replicaSet, setPodReady } from '../testing';
import { ReplicaSetController } from './replicaset';
import { ApiError } from '../../api/errors';

function setup(replicas = 3) {
  const sim = bareSim();
  const rsc = install(sim, new ReplicaSetController(sim));
  sim.store.create(replicaSet('web', replicas));
  return { sim, rsc };
}

describe('ReplicaSet controller', () => {
  it('creates pods named <rs>-xxxxx with a controllerRef and events', () => {
    const { sim } = setup(3);
    sim.runUntilIdle();
    const ps = pods(sim);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: sim.store.get('ReplicaSet', 'default', 'web')!.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(p.metadata.labels).toEqual({ app: 'web' });
    }
    expect(eventMessages(sim, 'SuccessfulCreate').sort()).toEqual(
      ps.map((p) => `Created pod: ${p.metadata.name}`).sort(),
    );
    const rs = sim.store.get('ReplicaSet', 'default', 'web')!;
    expect(rs.status).toMatchObject({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 0,
      availableReplicas: 0,
      observedGeneration: 1,
    });
  });

  it('creates in slow-start batches of 1, 2, 4, ... and stops after a failing batch', () => {
    const { sim } = setup(0);
    let calls = 0;
    sim.store.addAdmission(['Pod'], (op) => {
      if (op === 'CREATE' && ++calls === 4) throw new ApiError('Forbidden', 'quota');
    });
    sim.store.mutate('ReplicaSet', 'default', 'web', (r) => (r.spec.replicas = 10));
    sim.runUntilIdle();
    // A sync creates batches 1, 2 then 4 with the 4th call failing: 6 successes, then retries.
    expect(pods(sim).length).toBe(10);
    expect(eventMessages(sim, 'FailedCreate')).toEqual(['Error creating: quota']);
  });

  it('counts ready and available pods in status', () => {
    const { sim } = setup(2);
    sim.runUntilIdle();
    for (const p of pods(sim)) setPodReady(sim, p);
    sim.runUntilIdle();
    expect(sim.store.get('ReplicaSet', 'default', 'web')!.status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
  });

  it('adopts matching orphans created before it and only creates the remainder', () => {
    const sim = bareSim();
    install(sim, new ReplicaSetController(sim));
    for (const n of ['a', 'b'])
      sim.store.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: n, labels: { app: 'web' } },
        spec: { containers: [] },
      });
    sim.store.create(replicaSet('web', 3));
    sim.runUntilIdle();
    const ps = pods(sim);
    expect(ps).toHaveLength(3);
    expect(ps.every((p) => p.metadata.ownerReferences?.[0].name === 'web')).toBe(true);
  });

  it('acquires and deletes bare pods created after it when over count', () => {
    const { sim } = setup(2);
    sim.runUntilIdle();
    sim.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'extra', labels: { app: 'web' } },
      spec: { containers: [] },
    });
    sim.runUntilIdle();
    // The unscheduled, not-ready newcomer ranks with the others; one pod goes and two remain.
    expect(pods(sim)).toHaveLength(2);
    expect(eventMessages(sim, 'SuccessfulDelete')).toHaveLength(1);
  });

  it('releases a relabelled pod and replaces it', () => {
    const { sim } = setup(2);
    sim.runUntilIdle();
    const victim = pods(sim)[0];
    sim.store.mutate(
      'Pod',
      'default',
      victim.metadata.name,
      (p) => (p.metadata.labels = { app: 'debug' }),
    );
    sim.runUntilIdle();
    const released = sim.store.get('Pod', 'default', victim.metadata.name)!;
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(pods(sim).filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2);
  });

  it('does not act again until its creations are observed (expectations)', () => {
    const { sim, rsc } = setup(0);
    rsc.expectations.expectCreations('default/web', 2);
    sim.store.mutate('ReplicaSet', 'default', 'web', (r) => (r.spec.replicas = 2));
    rsc.sync('default/web');
    expect(pods(sim)).toHaveLength(0);
    sim.advance(5 * 60 * 1000 + 1);
    rsc.sync('default/web');
    expect(pods(sim)).toHaveLength(2);
  });
});
