import { describe, expect, it } from 'vitest';
import { EngineHost } from './host';
import type { Batch, FromWorkerBody, RequestCount } from './protocol';
import { DEFAULT_SCENARIO } from '../scenario/default';
import { parseScenario } from '../scenario/format';
import { scenarioStatements } from '../scenario/run';
import { MANIFESTS_STEP, scenarioPlan } from './steps';

function host(text = DEFAULT_SCENARIO) {
  const posts: FromWorkerBody[] = [];
  const h = new EngineHost(
    (m) => posts.push(m),
    () => 0,
  );
  expect(h.load(text)).toBe(true);
  return { h, posts };
}

/** Plays `simMs` in 100 ms ticks, collecting every batch. */
function play(h: EngineHost, simMs: number): Batch[] {
  const out: Batch[] = [];
  h.playing = true;
  h.speed = 1;
  for (let t = 0; t < simMs; t += 100) {
    h.tick(100);
    const b = h.batch();
    if (b) out.push(b);
  }
  return out;
}

const TWO_STEPS = DEFAULT_SCENARIO.replace(
  'steps:\n',
  'steps:\n  - at: 5s\n    run: kubectl get pods\n    note:\n      en: First look\n',
);

describe('scenario steps', () => {
  it('the plan runs exactly the statements scenarioStatements lists (same trace everywhere)', () => {
    const p = parseScenario(TWO_STEPS);
    if (!p.ok) throw new Error('parse');
    const plan = scenarioPlan(p.scenario);
    expect(plan).toEqual(scenarioStatements(p.scenario).statements);
    expect(plan.map((st) => st.step)).toEqual([MANIFESTS_STEP, 0, 1]);
  });

  it('reports the scenario steps with their notes, and which one started last', () => {
    const { h, posts } = host(TWO_STEPS);
    const info = posts.find((p) => p.type === 'scenario' && p.info)!;
    expect(info.type === 'scenario' && info.info!.steps.map((s) => s.at)).toEqual([5000, 20_000]);
    expect(info.type === 'scenario' && info.info!.steps[0].note).toEqual({ en: 'First look' });
    expect(h.batch(true)!.step).toBe(MANIFESTS_STEP);
    play(h, 6000);
    expect(h.batch(true)!.step).toBe(0);
    play(h, 15_000);
    expect(h.batch(true)!.step).toBe(1);
  });

  it('step back restores the step index of the restored state', () => {
    const { h } = host(TWO_STEPS);
    play(h, 4900);
    h.playing = false;
    while (h.batch(true)!.step < 0) h.step();
    h.back();
    expect(h.batch(true)!.step).toBe(MANIFESTS_STEP);
  });
});

describe('traffic', () => {
  const total = (counts: Map<string, RequestCount>) =>
    [...counts.values()].reduce((n, c) => n + c.ok + c.failed, 0);

  function run(simMs: number, mode?: 'rr' | 'random') {
    const { h } = host();
    const counts = new Map<string, RequestCount>();
    const requests: Batch['requests'] = [];
    const first = h.batch(true)!;
    for (const [k, v] of Object.entries(first.requestCounts)) counts.set(k, v);
    play(h, 21_000).forEach((b) => {
      for (const [k, v] of Object.entries(b.requestCounts)) counts.set(k, v);
      requests.push(...b.requests);
    });
    if (mode) h.setProxyMode(mode);
    play(h, simMs).forEach((b) => {
      for (const [k, v] of Object.entries(b.requestCounts)) counts.set(k, v);
      requests.push(...b.requests);
    });
    return { h, counts, requests };
  }

  it('sends each request once, from its Service to the pod that answered', () => {
    const { h, requests, counts } = run(10_000);
    expect(requests.length).toBeGreaterThan(15);
    expect(new Set(requests.map((r) => r.seq)).size).toBe(requests.length);
    const svc = h.sim.store.get('Service', 'default', 'kubia')!;
    const pods = new Set(h.sim.store.list('Pod').map((p) => p.metadata.uid));
    for (const r of requests) {
      expect(r.serviceUid).toBe(svc.metadata.uid);
      expect(r.result).toBe('ok');
      expect(pods.has(r.podUid!)).toBe(true);
    }
    expect(total(counts)).toBe(requests.length);
  });

  it('IPVS rr: the per-pod counters stay within one of each other', () => {
    const { counts } = run(10_000);
    const oks = [...counts.values()].map((c) => c.ok);
    expect(oks).toHaveLength(3);
    expect(Math.max(...oks) - Math.min(...oks)).toBeLessThanOrEqual(1);
  });

  it('switching to iptables random takes effect at the next request', () => {
    const { requests } = run(30_000, 'random');
    const later = requests.slice(-50).map((r) => r.podUid);
    // Round-robin never picks the same pod twice in a row with 3 ready pods; random does.
    expect(later.some((uid, i) => i > 0 && uid === later[i - 1])).toBe(true);
  });

  it('a reset batch replays no request but carries every counter', () => {
    const { h, counts } = run(5000);
    h.playing = false;
    h.step();
    h.back();
    const b = h.batch(true)!;
    expect(b.reset).toBe(true);
    expect(b.requests).toEqual([]);
    expect(total(new Map(Object.entries(b.requestCounts)))).toBeGreaterThanOrEqual(
      total(counts) - 1,
    );
  });
});
