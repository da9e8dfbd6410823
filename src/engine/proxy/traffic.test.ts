import { describe, expect, it, vi } from 'vitest';
import { coredns, networkSim, runningPod, service } from './testing';
import { fakePodHttp } from './fake-http';
import { startTraffic, stopTraffic, trafficGenerators } from './traffic';
import { requestLog, requestsSince, onRequest } from './request-log';
import { requestRate } from './load';
import type { Simulation } from '../sim';

vi.mock('../kubelet/http', () => ({
  podHttp: (...a: Parameters<typeof fakePodHttp>) => fakePodHttp(...a),
}));

function cluster(type: 'ClusterIP' | 'NodePort' = 'NodePort'): Simulation {
  const sim = networkSim();
  coredns(sim);
  service(sim, 'web', {
    type,
    clusterIP: '10.96.12.7',
    ports: [
      {
        port: 80,
        protocol: 'TCP',
        targetPort: 80,
        ...(type === 'NodePort' ? { nodePort: 30080 } : {}),
      },
    ],
  });
  runningPod(sim, { name: 'web-a', ip: '10.244.1.5' });
  runningPod(sim, { name: 'web-b', ip: '10.244.2.5', node: 'node-2' });
  sim.advance(1000);
  return sim;
}

describe('traffic generators', () => {
  it('sends N requests per second from outside through the NodePort until stopped', () => {
    const sim = cluster();
    expect(startTraffic(sim, 'web')).toEqual({
      ok: true,
      message: 'traffic to service/web started: 5 requests/s from outside',
    });
    sim.advance(10_000);
    const recs = requestLog(sim)
      .records()
      .filter((r) => r.source === 'traffic');
    expect(recs).toHaveLength(50);
    expect(new Set(recs.map((r) => r.client))).toEqual(new Set(['outside']));
    expect(recs.filter((r) => r.podName === 'web-a')).toHaveLength(25);
    expect(stopTraffic(sim, 'web')).toEqual({
      ok: true,
      message: 'traffic to service/web stopped',
    });
    sim.advance(10_000);
    expect(
      requestLog(sim)
        .records()
        .filter((r) => r.source === 'traffic'),
    ).toHaveLength(50);
    expect(stopTraffic(sim, 'web').ok).toBe(false);
  });

  it('goes from inside the cluster to a ClusterIP service, and refuses --from outside for it', () => {
    const sim = cluster('ClusterIP');
    expect(startTraffic(sim, 'web', { from: 'outside' }).ok).toBe(false);
    expect(startTraffic(sim, 'web', { rate: 10 }).message).toBe(
      'traffic to service/web started: 10 requests/s from inside the cluster',
    );
    sim.advance(2_000);
    expect(requestsSince(sim, 0).map((r) => r.result)).toEqual(Array(20).fill('ok'));
    expect(startTraffic(sim, 'nope')).toEqual({
      ok: false,
      message: 'Error from server (NotFound): services "nope" not found',
    });
  });

  it('gives per-pod request rates over the last 10 s', () => {
    const sim = cluster();
    startTraffic(sim, 'web', { rate: 10 });
    sim.advance(20_000);
    const uid = sim.store.get('Pod', 'default', 'web-a')!.metadata.uid;
    expect(requestRate(sim, uid)).toBe(5);
    stopTraffic(sim, 'web');
    sim.advance(10_001);
    expect(requestRate(sim, uid)).toBe(0);
  });

  it('survives a snapshot: the restored simulation keeps sending', () => {
    const sim = cluster();
    startTraffic(sim, 'web', { rate: 2 });
    sim.advance(3_000);
    const copy = networkSim();
    copy.restoreState(sim.snapshot());
    expect(trafficGenerators(copy)).toHaveLength(1);
    const seen: number[] = [];
    const off = onRequest(copy, (r) => seen.push(r.seq));
    copy.advance(3_000);
    sim.advance(3_000);
    off();
    expect(seen).toEqual([7, 8, 9, 10, 11, 12]);
    expect(requestsSince(copy, 6).map((r) => r.podName)).toEqual(
      requestsSince(sim, 6).map((r) => r.podName),
    );
  });
});
