import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { isPodReady } from '../../api/podutil';
import { RngStream, Rng } from '../../rng';
import { deployment, pods, setImage, workloadCluster as cluster } from '../testing';
import {
  findNewReplicaSet,
  listReplicaSetsOwnedBy,
  maxSurge,
  maxUnavailable,
  withDefaults,
} from './util';

/** Replays rollouts with random readiness delays and checks the rolling-update invariants after every step. */
function replay(seed: number): void {
  const rng: RngStream = new Rng(seed).stream('test/rollout');
  const sim = cluster(() => Math.floor(rng.range(0, 20_000)));
  const replicas = 1 + rng.int(10);
  const surge = rng.pick([0, 1, 2, '25%', '50%']);
  const unavailable = surge === 0 ? rng.pick([1, 2, '25%']) : rng.pick([0, 1, '25%', '50%']);
  sim.store.create(
    deployment('web', replicas, {
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable },
      },
    }),
  );
  sim.runUntilIdle();
  const d0 = withDefaults(sim.store.get('Deployment', 'default', 'web')!);
  const maxTotal = replicas + maxSurge(d0);
  const minAvailable = replicas - maxUnavailable(d0);
  const check = () => {
    const d = sim.store.get('Deployment', 'default', 'web')!;
    const rss = listReplicaSetsOwnedBy(sim, d);
    const total = rss.reduce((n: number, rs: KObject) => n + rs.spec.replicas, 0);
    expect(total, `seed ${seed}: Σ spec ${total} > ${maxTotal}`).toBeLessThanOrEqual(maxTotal);
    const available = pods(sim).filter(
      (p) => !p.metadata.deletionTimestamp && isPodReady(p),
    ).length;
    expect(
      available,
      `seed ${seed}: available ${available} < ${minAvailable}`,
    ).toBeGreaterThanOrEqual(minAvailable);
  };
  for (let round = 0; round < 3; round++) {
    setImage(sim, 'web', `nginx:${seed}-${round}`);
    const end = sim.now() + 30 * 60_000;
    while (sim.now() < end && sim.step()) check();
    const d = sim.store.get('Deployment', 'default', 'web')!;
    const newRS = findNewReplicaSet(d, listReplicaSetsOwnedBy(sim, d))!;
    expect(newRS.spec.template.spec.containers[0].image).toBe(`nginx:${seed}-${round}`);
    expect(d.status).toMatchObject({
      replicas,
      updatedReplicas: replicas,
      availableReplicas: replicas,
    });
    expect(
      pods(sim).filter(
        (p) =>
          p.metadata.labels?.['pod-template-hash'] === newRS.metadata.labels?.['pod-template-hash'],
      ),
    ).toHaveLength(replicas);
  }
}

describe('rolling update invariants (seeded random readiness)', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', (seed) => replay(seed));
});
