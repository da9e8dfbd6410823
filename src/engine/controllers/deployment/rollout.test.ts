import type { Simulation } from '../../sim';
import { describe, expect, it } from 'vitest';
import { deployment, eventMessages, setImage, workloadCluster } from '../testing';
import { findNewReplicaSet, listReplicaSetsOwnedBy, revisionOf } from './util';

const BROKEN = 'nginx:does-not-exist';
const cluster = () => workloadCluster((p) => (p.spec.containers[0].image === BROKEN ? null : 0));

/** Scaling events with RS names replaced by old/new for readability. */
function scalingSteps(sim: Simulation, oldName: string): string[] {
  return eventMessages(sim, 'ScalingReplicaSet').map((m) =>
    m.replace(oldName, 'OLD').replace(/web-[4-9bcdf]+/, 'NEW'),
  );
}

function rsByName(sim: Simulation) {
  const d = sim.store.get('Deployment', 'default', 'web')!;
  return listReplicaSetsOwnedBy(sim, d);
}

describe('Deployment rolling update (K8S-SEMANTICS 1.4)', () => {
  it.each([
    {
      name: 'B: replicas 3, default 25%/25%',
      replicas: 3,
      strategy: undefined,
      steps: [
        'up NEW from 0 to 1',
        'down OLD from 3 to 2',
        'up NEW from 1 to 2',
        'down OLD from 2 to 1',
        'up NEW from 2 to 3',
        'down OLD from 1 to 0',
      ],
    },
    {
      name: 'A: replicas 8, default 25%/25% (surge 2, unavailable 2)',
      replicas: 8,
      strategy: undefined,
      steps: [
        'up NEW from 0 to 2',
        'down OLD from 8 to 6',
        'up NEW from 2 to 4',
        'down OLD from 6 to 2',
        'up NEW from 4 to 8',
        'down OLD from 2 to 0',
      ],
    },
  ])('$name', ({ replicas, strategy, steps }) => {
    const sim = cluster();
    sim.store.create(deployment('web', replicas, { strategy }));
    sim.runUntilIdle();
    const [old] = rsByName(sim);
    expect(old.metadata.name).toMatch(/^web-[4-9bcdf]{1,10}$/);
    expect(eventMessages(sim, 'ScalingReplicaSet')).toEqual([
      `Scaled up replica set ${old.metadata.name} from 0 to ${replicas}`,
    ]);
    setImage(sim, 'web', 'nginx:1.28');
    sim.runUntilIdle();
    expect(
      scalingSteps(sim, old.metadata.name)
        .slice(1)
        .map((m) => m.replace('Scaled ', '').replace('replica set ', '')),
    ).toEqual(steps);
    const d = sim.store.get('Deployment', 'default', 'web')!;
    expect(d.status).toMatchObject({
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      observedGeneration: 2,
    });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const progressing = d.status.conditions.find((c: { type: string }) => c.type === 'Progressing');
    const newRS = findNewReplicaSet(d, rsByName(sim))!;
    expect(progressing).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`,
    });
    expect(d.status.conditions.find((c: { type: string }) => c.type === 'Available')).toMatchObject(
      {
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      },
    );
  });

  it('C: replicas 10, surge 3, unavailable 2, new pods never ready → stuck at new 5 / old 8; scaling to 15 gives old 11 / new 7', () => {
    const sim = cluster();
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
    sim.store.create(deployment('web', 10, { strategy }));
    sim.runUntilIdle();
    const [old] = rsByName(sim);
    setImage(sim, 'web', BROKEN);
    sim.runUntilIdle(60_000);
    const sizes = () =>
      Object.fromEntries(
        rsByName(sim).map((rs) => [
          rs.metadata.name === old.metadata.name ? 'old' : 'new',
          rs.spec.replicas,
        ]),
      );
    expect(sizes()).toEqual({ old: 8, new: 5 });
    expect(scalingSteps(sim, old.metadata.name).slice(1)).toEqual([
      'Scaled up replica set NEW from 0 to 3',
      'Scaled down replica set OLD from 10 to 8',
      'Scaled up replica set NEW from 3 to 5',
    ]);
    sim.store.mutate('Deployment', 'default', 'web', (d) => (d.spec.replicas = 15));
    sim.runUntilIdle(60_000);
    expect(sizes()).toEqual({ old: 11, new: 7 });
  });

  it('C: reports ProgressDeadlineExceeded after progressDeadlineSeconds without progress', () => {
    const sim = cluster();
    sim.store.create(deployment('web', 2, { extra: { progressDeadlineSeconds: 60 } }));
    sim.runUntilIdle();
    setImage(sim, 'web', BROKEN);
    sim.advance(2 * 60_000);
    const d = sim.store.get('Deployment', 'default', 'web')!;
    const newRS = findNewReplicaSet(d, rsByName(sim))!;
    expect(
      d.status.conditions.find((c: { type: string }) => c.type === 'Progressing'),
    ).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`,
    });
  });

  it('Recreate scales old to 0, waits for old pods to go, then creates the new RS at full size', () => {
    const sim = cluster();
    sim.store.create(deployment('web', 3, { strategy: { type: 'Recreate' } }));
    sim.runUntilIdle();
    const [old] = rsByName(sim);
    setImage(sim, 'web', 'nginx:1.28');
    sim.runUntilIdle();
    expect(scalingSteps(sim, old.metadata.name)).toEqual([
      'Scaled up replica set OLD from 0 to 3',
      'Scaled down replica set OLD from 3 to 0',
      'Scaled up replica set NEW from 0 to 3',
    ]);
  });

  it('undo renumbers the matching old ReplicaSet to max+1 and records revision-history', () => {
    const sim = cluster();
    sim.store.create(deployment('web', 2));
    sim.runUntilIdle();
    for (const img of ['nginx:2', 'nginx:3']) {
      setImage(sim, 'web', img);
      sim.runUntilIdle();
    }
    const revs = () =>
      Object.fromEntries(
        rsByName(sim).map((rs) => [
          rs.spec.template.spec.containers[0].image,
          [revisionOf(rs), rs.metadata.annotations?.['deployment.kubernetes.io/revision-history']],
        ]),
      );
    expect(revs()).toEqual({
      'nginx:1.27': [1, undefined],
      'nginx:2': [2, undefined],
      'nginx:3': [3, undefined],
    });
    setImage(sim, 'web', 'nginx:2'); // what kubectl rollout undo patches in
    sim.runUntilIdle();
    expect(revs()).toEqual({
      'nginx:1.27': [1, undefined],
      'nginx:2': [4, '2'],
      'nginx:3': [3, undefined],
    });
    expect(
      sim.store.get('Deployment', 'default', 'web')!.metadata.annotations?.[
        'deployment.kubernetes.io/revision'
      ],
    ).toBe('4');
  });

  it('revisionHistoryLimit deletes the oldest unused ReplicaSets once the rollout completes', () => {
    const sim = cluster();
    sim.store.create(deployment('web', 1, { extra: { revisionHistoryLimit: 2 } }));
    sim.runUntilIdle();
    for (let i = 2; i <= 5; i++) {
      setImage(sim, 'web', `nginx:${i}`);
      sim.runUntilIdle();
    }
    expect(rsByName(sim).map(revisionOf).sort()).toEqual([3, 4, 5]);
  });

  it('a paused deployment does not roll out a template change but still scales', () => {
    const sim = cluster();
    sim.store.create(deployment('web', 2));
    sim.runUntilIdle();
    sim.store.mutate('Deployment', 'default', 'web', (d) => (d.spec.paused = true));
    setImage(sim, 'web', 'nginx:2');
    sim.store.mutate('Deployment', 'default', 'web', (d) => (d.spec.replicas = 4));
    sim.runUntilIdle();
    const rss = rsByName(sim);
    expect(rss).toHaveLength(1);
    expect(rss[0].spec.replicas).toBe(4);
    const d = sim.store.get('Deployment', 'default', 'web')!;
    expect(
      d.status.conditions.find((c: { type: string }) => c.type === 'Progressing'),
    ).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
  });

  it('re-syncs after minReadySeconds so availability is reported', () => {
    const sim = cluster();
    sim.store.create(deployment('web', 1, { extra: { minReadySeconds: 10 } }));
    sim.runUntilIdle();
    expect(sim.store.get('Deployment', 'default', 'web')!.status.availableReplicas).toBe(1);
  });
});
