import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { pods, replicaSet, workloadCluster, install } from './testing';
import { DisruptionController } from './disruption';
import { evictPod, PDB_VIOLATION_MESSAGE } from './eviction';

function setup(spec: Record<string, unknown>) {
  const sim = workloadCluster();
  install(sim, new DisruptionController(sim));
  sim.store.create(replicaSet('web', 3));
  sim.store.create({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'web-pdb', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
  });
  sim.runUntilIdle();
  return sim;
}

describe('disruption-controller and the Eviction API', () => {
  it.each([
    [{ minAvailable: 2 }, 2, 1],
    [{ minAvailable: '50%' }, 2, 1],
    [{ maxUnavailable: 1 }, 2, 1],
    [{ maxUnavailable: '0%' }, 3, 0],
    [{ minAvailable: 3 }, 3, 0],
  ])('%o → desiredHealthy %i, disruptionsAllowed %i', (spec, desired, allowed) => {
    const sim = setup(spec);
    const pdb = sim.store.get('PodDisruptionBudget', 'default', 'web-pdb')!;
    expect(pdb.status).toMatchObject({
      currentHealthy: 3,
      desiredHealthy: desired,
      disruptionsAllowed: allowed,
      expectedPods: 3,
      observedGeneration: 1,
    });
    expect(pdb.status.conditions[0]).toMatchObject({
      type: 'DisruptionAllowed',
      status: allowed > 0 ? 'True' : 'False',
      reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
    });
  });

  it('evicts while the budget allows, then answers 429', () => {
    const sim = setup({ minAvailable: 2 });
    const [a, b] = pods(sim);
    evictPod(sim, 'default', a.metadata.name);
    expect(
      sim.store.get('PodDisruptionBudget', 'default', 'web-pdb')!.status.disruptionsAllowed,
    ).toBe(0);
    let err: unknown;
    try {
      evictPod(sim, 'default', b.metadata.name);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).reason).toBe('TooManyRequests');
    expect((err as ApiError).message).toBe(PDB_VIOLATION_MESSAGE);
    sim.runUntilIdle();
    expect(sim.store.get('PodDisruptionBudget', 'default', 'web-pdb')!.status.currentHealthy).toBe(
      3,
    );
  });
});
