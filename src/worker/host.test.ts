import { describe, expect, it } from 'vitest';
import { EngineHost } from './host';
import type { FromWorkerBody } from './protocol';
import { DEFAULT_SCENARIO } from '../scenario/default';

const PODS = `apiVersion: kubeplay/v1
kind: Scenario
metadata:
  name: pods
seed: 3
cluster:
  workers: 2
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1
spec:
  containers:
    - name: web
      image: nginx:1.27
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

function host(text = PODS) {
  const posts: FromWorkerBody[] = [];
  let wall = 0;
  const h = new EngineHost(
    (m) => posts.push(m),
    () => wall,
  );
  expect(h.load(text)).toBe(true);
  return { h, posts, advanceWall: (ms: number) => (wall += ms) };
}

/** Plays `simMs` of simulated time in 100 ms ticks at speed 1. */
function play(h: EngineHost, simMs: number) {
  h.playing = true;
  h.speed = 1;
  for (let t = 0; t < simMs; t += 100) h.tick(100);
}

describe('EngineHost', () => {
  it('loads a scenario, applies its manifests and reports a full batch first', () => {
    const { h, posts } = host();
    expect(posts.some((p) => p.type === 'scenario' && p.info?.nodes.length === 3)).toBe(true);
    const b = h.batch(true)!;
    expect(b.reset).toBe(true);
    expect(b.objects.some((o) => o.kind === 'Pod' && o.name === 'web-1')).toBe(true);
    expect(b.objects.some((o) => o.kind === 'Node' && o.node?.cpuAllocatable === 4000)).toBe(true);
    expect(h.batch(true)!.reset).toBe(false);
  });

  it('rejects scenario text with header errors and keeps the running cluster', () => {
    const { h, posts } = host();
    const before = h.sim;
    expect(h.load('apiVersion: kubeplay/v1\nkind: Scenario\nseed: -1\n')).toBe(false);
    expect(h.sim).toBe(before);
    const last = posts[posts.length - 1];
    expect(last.type === 'scenario' && last.errors[0].line).toBe(3);
  });

  it('plays in real time: the clock moves by wall time × speed', () => {
    const { h } = host();
    const t0 = h.sim.now();
    h.speed = 10;
    h.playing = true;
    h.tick(1000);
    expect(h.sim.now() - t0).toBe(10_000);
  });

  it('keeps the clock in whole milliseconds at fractional speeds, without drift', () => {
    const { h } = host();
    const t0 = h.sim.now();
    h.speed = 0.25;
    h.playing = true;
    for (let i = 0; i < 100; i++) h.tick(16.7);
    expect(Number.isInteger(h.sim.now())).toBe(true);
    expect(h.sim.now() - t0).toBe(Math.floor(100 * 16.7 * 0.25));
  });

  it('pause stops the clock; step processes exactly one event', () => {
    const { h } = host();
    h.playing = false;
    const t0 = h.sim.now();
    h.tick(5000);
    expect(h.sim.now()).toBe(t0);
    const before = h.batch(true)!.clock.steps;
    h.step();
    expect(h.batch(true)!.clock.steps).toBe(before + 1);
  });

  it('sends only objects whose view changed', () => {
    const { h } = host();
    h.batch(true);
    h.playing = false;
    expect(h.batch()).toBeUndefined();
    play(h, 10_000);
    const b = h.batch(true)!;
    expect(b.objects.length).toBeLessThan(20);
  });

  it('step back restores exactly the state before the last event', () => {
    const { h } = host();
    play(h, 3000);
    h.playing = false;
    const hashBefore = h.sim.trace.hash();
    const nowBefore = h.sim.now();
    const objsBefore = JSON.stringify(h.sim.store.all());
    h.step();
    expect(h.sim.trace.hash()).not.toBe(hashBefore);
    h.back();
    expect(h.sim.trace.hash()).toBe(hashBefore);
    expect(h.sim.now()).toBe(nowBefore);
    expect(JSON.stringify(h.sim.store.all())).toBe(objsBefore);
  });

  it('step back replays commands started along the way (apply) deterministically', () => {
    const { h, posts } = host();
    play(h, 2000);
    h.start({ type: 'line', line: 'kubectl apply -f -', stdin: DEPLOYMENT }, 7);
    expect(
      posts.some(
        (p) => p.type === 'output' && p.id === 7 && p.text.includes('deployment.apps/web created'),
      ),
    ).toBe(true);
    play(h, 3000);
    h.playing = false;
    const hash = h.sim.trace.hash();
    h.step();
    h.back();
    expect(h.sim.trace.hash()).toBe(hash);
    expect(h.sim.store.get('Deployment', 'default', 'web')).toBeDefined();
    expect(h.sim.store.list('ReplicaSet', { namespace: 'default' }).length).toBe(1);
  });

  it('a crashing timer is reported, dropped, and the simulation carries on', () => {
    const { h, posts } = host();
    play(h, 1000);
    h.sim.after(10, 'default-scheduler', 'no-such-action-that-throws', null);
    const sched = h.sim.component('default-scheduler')!;
    const orig = sched.onTimer.bind(sched);
    sched.onTimer = (action, payload) => {
      if (action === 'no-such-action-that-throws') throw new Error('boom');
      orig(action, payload);
    };
    play(h, 1000);
    const err = posts.find((p) => p.type === 'error');
    expect(err && err.type === 'error' && err.recovered).toBe(true);
    expect(h.sim.timers.list().some((t) => t.action === 'no-such-action-that-throws')).toBe(false);
    h.playing = true;
    const t0 = h.sim.now();
    h.tick(500);
    expect(h.sim.now()).toBe(t0 + 500);
  });

  it('the default scenario loads', () => {
    const { h } = host(DEFAULT_SCENARIO);
    play(h, 1000);
    expect(h.sim.store.get('Deployment', 'default', 'kubia')).toBeDefined();
  });
});
