import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation } from './cluster/create';
import { defaultClusterConfig } from './config';
import { bufferIo, runHeadless } from './command';
import { runLine } from '../scenario/script';

function busyCluster(seed: number) {
  const sim = createSimulation(defaultClusterConfig({ seed }));
  const session = { sim, namespace: 'default' };
  runHeadless(
    sim,
    runLine(session, 'kubectl create deployment web --image=nginx:1.14.2 --replicas=4', bufferIo()),
  );
  sim.advance(2_000);
  return sim;
}

describe('Simulation', () => {
  it('starts at the configured instant after a settled warm-up', () => {
    const cfg = defaultClusterConfig({ startTime: Date.parse('2030-06-01T12:00:00Z') });
    const sim = createSimulation(cfg);
    expect(new Date(sim.now()).toISOString()).toBe('2030-06-01T12:00:00.000Z');
    expect(
      sim.store
        .list('Pod', { namespace: 'kube-system' })
        .every((p) => p.status?.phase === 'Running'),
    ).toBe(true);
  });

  it('snapshot + restore continues exactly like the original, mid-rollout', () => {
    const a = busyCluster(9);
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    const b = restoreSimulation(snap);
    expect(b.now()).toBe(a.now());
    expect(b.trace.hash()).toBe(a.trace.hash());
    a.advance(60_000);
    b.advance(60_000);
    expect(b.trace.hash()).toBe(a.trace.hash());
    expect(JSON.stringify(b.store.all())).toBe(JSON.stringify(a.store.all()));
  });

  it('keeps pending timers, random streams and backoffs across a restore', () => {
    const a = busyCluster(4);
    const b = restoreSimulation(a.snapshot());
    expect(b.timers.list()).toEqual(a.timers.list());
    expect(b.rngs.snapshot()).toEqual(a.rngs.snapshot());
    for (const name of a.componentNames()) {
      expect(JSON.stringify(b.component(name)?.snapshot?.() ?? null)).toBe(
        JSON.stringify(a.component(name)?.snapshot?.() ?? null),
      );
    }
  });

  it('steps exactly one timer at a time', () => {
    const sim = busyCluster(2);
    const before = sim.trace.count;
    const next = sim.timers.peek()!;
    expect(sim.step()).toBe(true);
    expect(sim.now()).toBe(next.at);
    expect(sim.trace.recent(50).some((e) => e.component === next.component)).toBe(true);
    expect(sim.trace.count).toBeGreaterThan(before);
  });

  it('gives different names for different seeds and the same for the same seed', () => {
    const names = (seed: number) =>
      busyCluster(seed)
        .store.list('Pod', { namespace: 'default' })
        .map((p) => p.metadata.name);
    expect(names(1)).toEqual(names(1));
    expect(names(1)).not.toEqual(names(2));
  });
});
