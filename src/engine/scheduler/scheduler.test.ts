import { describe, expect, it } from 'vitest';
import { Simulation, type SimSnapshot } from '../sim';
import { EventRecorder } from '../events';
import { getCondition } from '../api/podutil';
import { SCHEDULER_DELAY_MS } from '../timing';
import { Scheduler } from './scheduler';
import { schedulingDecisions } from './decisions';
import { eventsFor, newSchedulerSim, nodeOf, testPod } from './testutil';

const WORKERS = ['node-1', 'node-2', 'node-3'];

function fillWorkers(
  sim: Simulation,
  cpu: string,
  o: { priority?: number; grace?: number } = {},
): void {
  for (const n of WORKERS) {
    sim.store.create(
      testPod(`filler-${n}`, {
        cpu,
        nodeName: n,
        priority: o.priority ?? 0,
        labels: { app: 'filler' },
        spec: o.grace !== undefined ? { terminationGracePeriodSeconds: o.grace } : {},
      }),
    );
  }
}

describe('kube-scheduler end to end (no kubelet: pods created directly)', () => {
  it('binds a pod: spec.nodeName, PodScheduled=True and the Scheduled event', () => {
    const sim = newSchedulerSim();
    sim.store.create(testPod('web', { cpu: '500m' }));
    sim.runUntil(() => !!nodeOf(sim, 'web'), sim.now() + 10_000);
    const node = nodeOf(sim, 'web')!;
    expect(WORKERS).toContain(node);
    const pod = sim.store.get('Pod', 'default', 'web')!;
    expect(getCondition(pod, 'PodScheduled')?.status).toBe('True');
    const [ev] = eventsFor(sim, 'web', 'Scheduled');
    expect(ev).toMatchObject({
      type: 'Normal',
      message: `Successfully assigned default/web to ${node}`,
      source: { component: 'default-scheduler' },
    });
    const [d] = schedulingDecisions(sim, pod.metadata.uid);
    expect(d).toMatchObject({ podKey: 'default/web', result: 'Scheduled', node });
    expect(d.filters.find((f) => f.node === 'control-plane')).toEqual({
      node: 'control-plane',
      passed: false,
      plugin: 'TaintToleration',
      reason: 'node(s) had untolerated taint(s)',
    });
    expect(d.scores.map((s) => s.node)).toEqual(WORKERS);
  });

  it('reports FailedScheduling with the FitError text for the tainted control plane and full workers', () => {
    const sim = newSchedulerSim();
    fillWorkers(sim, '1');
    sim.store.create(testPod('big', { cpu: '3500m' }));
    sim.runUntil(() => eventsFor(sim, 'big', 'FailedScheduling').length > 0, sim.now() + 10_000);
    const msg =
      '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. ' +
      'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    const [ev] = eventsFor(sim, 'big', 'FailedScheduling');
    expect(ev).toMatchObject({
      type: 'Warning',
      message: msg,
      source: { component: 'default-scheduler' },
    });
    const pod = sim.store.get('Pod', 'default', 'big')!;
    expect(pod.spec.nodeName).toBeUndefined();
    expect(getCondition(pod, 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: msg,
    });
    expect(schedulingDecisions(sim, pod.metadata.uid)[0]).toMatchObject({
      result: 'Unschedulable',
      message: msg,
    });
  });

  it('says preemption is not helpful when the pod can never fit a node', () => {
    const sim = newSchedulerSim();
    sim.store.create(testPod('huge', { cpu: '16' }));
    sim.runUntil(() => eventsFor(sim, 'huge', 'FailedScheduling').length > 0, sim.now() + 10_000);
    expect(eventsFor(sim, 'huge', 'FailedScheduling')[0].message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it('breaks ties at random among the top nodes: the same per seed, spread over seeds', () => {
    const placement = (seed: number) => {
      const sim = newSchedulerSim({ seed });
      sim.store.create(testPod('p', { cpu: '100m', memory: '128Mi' }));
      sim.runUntil(() => !!nodeOf(sim, 'p'), sim.now() + 10_000);
      return nodeOf(sim, 'p');
    };
    const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
    const first = seeds.map(placement);
    expect(seeds.map(placement)).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('retries with backoff 1s, 2s, 4s, 8s, 10s when cluster events keep requeueing the pod', () => {
    const sim = newSchedulerSim();
    fillWorkers(sim, '1');
    sim.store.create(testPod('big', { cpu: '3500m' }));
    const attempts = () => schedulingDecisions(sim).filter((d) => d.podKey === 'default/big');
    let toggle = false;
    for (let i = 1; i <= 6; i++) {
      expect(sim.runUntil(() => attempts().length >= i, sim.now() + 60_000)).toBe(true);
      // An allocatable change is an event NodeResourcesFit cares about: the pod moves to backoffQ.
      toggle = !toggle;
      sim.store.mutate(
        'Node',
        undefined,
        'node-1',
        (n) => (n.status.allocatable.pods = toggle ? '111' : '110'),
        { subresource: 'status' },
      );
    }
    const times = attempts().map((d) => d.time);
    const gaps = times.slice(1).map((t, i) => t - times[i] - SCHEDULER_DELAY_MS);
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
  });

  it('leaves an unschedulable pod alone until an event or the 5-minute flush', () => {
    const sim = newSchedulerSim();
    sim.store.create(testPod('picky', { spec: { nodeSelector: { disk: 'ssd' } } }));
    sim.advance(60_000);
    expect(schedulingDecisions(sim)).toHaveLength(1);
    sim.store.mutate(
      'Node',
      undefined,
      'node-2',
      (n) => (n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' }),
    );
    sim.runUntil(() => !!nodeOf(sim, 'picky'), sim.now() + 10_000);
    expect(nodeOf(sim, 'picky')).toBe('node-2');
  });

  it('preempts a lower-priority pod for a higher-priority one', () => {
    const sim = newSchedulerSim();
    fillWorkers(sim, '3', { priority: 0, grace: 0 });
    sim.store.create(testPod('vip', { cpu: '2', priority: 1000 }));
    sim.runUntil(() => !!nodeOf(sim, 'vip'), sim.now() + 30_000);
    const vip = sim.store.get('Pod', 'default', 'vip')!;
    const node = vip.spec.nodeName;
    // Nominated while its victim terminated; the binding then cleared the nomination (1.35).
    expect(vip.status.nominatedNodeName).toBeUndefined();
    expect(sim.store.get('Pod', 'default', `filler-${node}`)).toBeUndefined();
    const preempted = eventsFor(sim, `filler-${node}`, 'Preempted');
    expect(preempted.map((e) => e.message)).toEqual([
      `Preempted by pod ${vip.metadata.uid} on node ${node}`,
    ]);
    expect(eventsFor(sim, 'vip', 'FailedScheduling')[0].message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu.',
    );
    // The other fillers were left alone.
    expect(WORKERS.filter((n) => sim.store.get('Pod', 'default', `filler-${n}`))).toHaveLength(2);
  });

  it('prefers victims whose PodDisruptionBudget allows the disruption', () => {
    const sim = newSchedulerSim();
    for (const [n, app] of [
      ['node-1', 'db'],
      ['node-2', 'cache'],
      ['node-3', 'db'],
    ]) {
      sim.store.create(
        testPod(`victim-${n}`, {
          cpu: '3',
          nodeName: n,
          priority: 0,
          labels: { app },
          spec: { terminationGracePeriodSeconds: 0 },
        }),
      );
    }
    sim.store.create({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'db', namespace: 'default' },
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'db' } } },
      status: { disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2, expectedPods: 2 },
    });
    sim.store.create(testPod('vip', { cpu: '2', priority: 1000 }));
    sim.runUntil(() => !!nodeOf(sim, 'vip'), sim.now() + 30_000);
    expect(nodeOf(sim, 'vip')).toBe('node-2');
    expect(sim.store.list('Pod').map((p) => p.metadata.name)).toEqual([
      'victim-node-1',
      'victim-node-3',
      'vip',
    ]);
  });

  it('waits for a terminating victim without preempting again', () => {
    const sim = newSchedulerSim();
    fillWorkers(sim, '3', { priority: 0, grace: 30 });
    sim.store.create(testPod('vip', { cpu: '2', priority: 1000 }));
    sim.runUntil(
      () => !!sim.store.get('Pod', 'default', 'vip')?.status?.nominatedNodeName,
      sim.now() + 10_000,
    );
    const node = sim.store.get('Pod', 'default', 'vip')!.status.nominatedNodeName;
    const victim = sim.store.get('Pod', 'default', `filler-${node}`)!;
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(getCondition(victim, 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    // A later attempt (the 5-minute flush) must not pick more victims while the first terminates.
    sim.advance(6 * 60_000);
    const msgs = eventsFor(sim, 'vip', 'FailedScheduling').map((e) => e.message);
    expect(msgs.at(-1)).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node.',
    );
    expect(
      WORKERS.filter(
        (n) => sim.store.get('Pod', 'default', `filler-${n}`)?.metadata.deletionTimestamp,
      ),
    ).toEqual([node]);
    // The kubelet would confirm the deletion; then the pod binds to its nominated node.
    sim.store.delete('Pod', 'default', `filler-${node}`, { gracePeriodSeconds: 0 });
    sim.runUntil(() => !!nodeOf(sim, 'vip'), sim.now() + 30_000);
    expect(nodeOf(sim, 'vip')).toBe(node);
  });

  it('continues identically after snapshot and restore', () => {
    const run = (sim: Simulation) => {
      sim.advance(20_000);
      return sim.store.list('Pod').map((p) => `${p.metadata.name}@${p.spec.nodeName ?? '-'}`);
    };
    const sim = newSchedulerSim({ seed: 7 });
    fillWorkers(sim, '2');
    for (let i = 0; i < 6; i++) sim.store.create(testPod(`p${i}`, { cpu: '900m' }));
    sim.advance(25);
    const snap = JSON.parse(JSON.stringify(sim.snapshot())) as SimSnapshot;
    const restored = new Simulation(snap.config);
    restored.registerExtension(new EventRecorder(restored));
    restored.store.restore(snap.store);
    restored.register(new Scheduler(restored));
    restored.restoreState(snap);
    expect(run(restored)).toEqual(run(sim));
    expect(schedulingDecisions(restored)).toEqual(schedulingDecisions(sim));
  });
});
