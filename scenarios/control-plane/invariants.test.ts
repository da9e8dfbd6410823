/**
 * Randomised rollouts at the scenario level: real kubelets pull real catalog images (pull times
 * depend on each node's layer cache and the serialized pull queue), the scheduler places pods, and
 * after every simulated event the rolling-update bounds of K8S-SEMANTICS 1.2-1.3 must hold:
 * Σ ReplicaSet spec.replicas ≤ replicas + maxSurge and available pods ≥ replicas − maxUnavailable
 * (terminating pods count toward neither). Each rollout must then converge.
 */
import { describe, expect, it } from 'vitest';
import { isPodAvailable } from '../../src/engine/api/podutil';
import type { KObject } from '../../src/engine/api/types';
import { Rng } from '../../src/engine/rng';
import { apply, deploymentYaml, session, type KubectlSession } from './session';

/** Images whose pulls share some layers (debian/alpine bases), so pull times differ per node. */
const IMAGES = [
  'nginx:1.25',
  'nginx:1.27',
  'nginx:1.29',
  'nginx:1.16.1',
  'nginx:1.27-alpine',
  'nginx:alpine',
];
const PERCENTS = [0, 1, 2, 3, '10%', '25%', '50%'] as const;

/** `intstr.GetScaledValueFromIntOrPercent`: percent of desired, rounded up (surge) or down. */
function scaled(v: number | string, desired: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const x = (Number(v.slice(0, -1)) * desired) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** `ResolveFenceposts` (deployment_util.go): both zero → maxUnavailable 1. */
function fenceposts(surge: number | string, unavailable: number | string, desired: number) {
  const s = scaled(surge, desired, true);
  let u = scaled(unavailable, desired, false);
  if (s === 0 && u === 0) u = 1;
  return { surge: s, unavailable: Math.min(u, desired) };
}

function owned(sim: KubectlSession['sim'], kind: string, ownerUid: string): KObject[] {
  return sim.store
    .list(kind, { namespace: 'default' })
    .filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === ownerUid));
}

interface Case {
  seed: number;
  replicas: number;
  surge: number | string;
  unavailable: number | string;
  minReadySeconds: number;
  images: string[];
  /** Simulated events to let pass before the next template change (mid-rollout changes). */
  interruptAfter: number[];
}

function randomCase(seed: number): Case {
  const rng = new Rng(seed).stream('test/rollout-case');
  let surge: number | string = rng.pick([...PERCENTS]);
  const unavailable: number | string = rng.pick([...PERCENTS]);
  // Validation rejects maxSurge and maxUnavailable both 0 (absolute values).
  if (surge === 0 && unavailable === 0) surge = 1;
  const shuffled = [...IMAGES];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return {
    seed,
    replicas: 1 + rng.int(10),
    surge,
    unavailable,
    minReadySeconds: rng.pick([0, 0, 3]),
    images: shuffled.slice(0, 4),
    interruptAfter: [rng.pick([0, 0, 5, 40]), rng.pick([0, 15])],
  };
}

function runCase(c: Case): void {
  const label = JSON.stringify(c);
  const strategy = `strategy:
  type: RollingUpdate
  rollingUpdate: {maxSurge: ${JSON.stringify(c.surge)}, maxUnavailable: ${JSON.stringify(c.unavailable)}}
minReadySeconds: ${c.minReadySeconds}`;
  const s = session(apply(deploymentYaml('web', c.replicas, c.images[0], strategy)), {
    seed: c.seed,
  });
  expect(s.run('kubectl rollout status deployment/web --timeout=10m').code, label).toBe(0);
  const { sim } = s;
  const d = sim.store.get('Deployment', 'default', 'web')!;
  const { surge, unavailable } = fenceposts(c.surge, c.unavailable, c.replicas);
  const maxTotal = c.replicas + surge;
  const minAvailable = c.replicas - unavailable;
  const seen = { steps: 0 };
  const check = () => {
    const total = owned(sim, 'ReplicaSet', d.metadata.uid).reduce(
      (n, rs) => n + (rs.spec.replicas as number),
      0,
    );
    expect(total, `${label} at ${sim.now()}: Σ spec`).toBeLessThanOrEqual(maxTotal);
    const available = sim.store
      .list('Pod', { namespace: 'default', labelSelector: 'app=web' })
      .filter(
        (p) => !p.metadata.deletionTimestamp && isPodAvailable(p, c.minReadySeconds, sim.now()),
      ).length;
    expect(available, `${label} at ${sim.now()}: available`).toBeGreaterThanOrEqual(minAvailable);
  };
  const rounds = c.images.slice(1);
  rounds.forEach((image, i) => {
    s.run(`kubectl set image deployment/web nginx=${image}`);
    const last = i === rounds.length - 1;
    const budget = last ? Infinity : c.interruptAfter[i];
    const end = sim.now() + 20 * 60_000;
    let steps = 0;
    const complete = () => {
      const cur = sim.store.get('Deployment', 'default', 'web')!;
      const st = cur.status ?? {};
      return (
        st.observedGeneration >= (cur.metadata.generation ?? 0) &&
        st.updatedReplicas === c.replicas &&
        st.replicas === c.replicas &&
        st.availableReplicas === c.replicas
      );
    };
    check();
    while (sim.now() < end && steps < budget && !(steps > 0 && complete()) && sim.step()) {
      steps++;
      seen.steps++;
      check();
    }
  });
  expect(seen.steps, label).toBeGreaterThan(20);
  // Convergence: only the newest ReplicaSet keeps replicas, every pod runs the last image.
  expect(s.run('kubectl rollout status deployment/web --timeout=5m').code, label).toBe(0);
  s.run('sleep 40s');
  const rss = owned(sim, 'ReplicaSet', d.metadata.uid);
  const live = rss.filter((rs) => rs.spec.replicas > 0);
  expect(live, label).toHaveLength(1);
  expect(live[0].spec.template.spec.containers[0].image).toBe(c.images.at(-1));
  const pods = sim.store.list('Pod', { namespace: 'default', labelSelector: 'app=web' });
  expect(pods.map((p) => p.spec.containers[0].image)).toEqual(
    Array(c.replicas).fill(c.images.at(-1)),
  );
}

describe('rolling updates under real kubelet timing keep the surge and availability bounds', () => {
  const cases = [11, 12, 13, 14, 15, 16, 17, 18].map(randomCase);
  it.each(cases.map((c) => [c.seed, c.replicas, c.surge, c.unavailable, c] as const))(
    'seed %i: %i replicas, maxSurge %s, maxUnavailable %s',
    (_seed, _r, _s, _u, c) => runCase(c),
  );

  it('covers the worked fencepost examples (8 → 2/2, 10 → 3/2, 3 → 1/0)', () => {
    expect(fenceposts('25%', '25%', 8)).toEqual({ surge: 2, unavailable: 2 });
    expect(fenceposts('25%', '25%', 10)).toEqual({ surge: 3, unavailable: 2 });
    expect(fenceposts('25%', '25%', 3)).toEqual({ surge: 1, unavailable: 0 });
    expect(fenceposts('0%', '1%', 2)).toEqual({ surge: 0, unavailable: 1 });
  });
});
