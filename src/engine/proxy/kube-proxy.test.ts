import { describe, expect, it, vi } from 'vitest';
import { networkSim, runningPod, service } from './testing';
import { fakePodHttp } from './fake-http';
import { clientFor, sendRequest } from './network';
import { requestLog, requestsSince } from './request-log';
import { resolveServiceTarget } from './kube-proxy';
import type { Simulation } from '../sim';

vi.mock('../kubelet/http', () => ({
  podHttp: (...a: Parameters<typeof fakePodHttp>) => fakePodHttp(...a),
}));

function threePods(sim: Simulation) {
  service(sim, 'web', { clusterIP: '10.96.12.7' });
  runningPod(sim, { name: 'web-a', ip: '10.244.1.5', node: 'node-1' });
  runningPod(sim, { name: 'web-b', ip: '10.244.2.5', node: 'node-2' });
  runningPod(sim, { name: 'web-c', ip: '10.244.3.5', node: 'node-3' });
  sim.advance(1000);
}

function hit(
  sim: Simulation,
  n: number,
  ip = '10.96.12.7',
  port = 80,
  from?: string,
): Record<string, number> {
  const c = clientFor(sim, from);
  if (!c.ok) throw new Error(c.message);
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const o = sendRequest(sim, c.client, { host: ip, port, path: '/', source: 'test' });
    const k = o.kind === 'response' ? o.hop.podName! : o.kind;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

describe('kube-proxy backend choice', () => {
  it('round-robins in rr mode: 9 requests over 3 ready pods give 3 each', () => {
    const sim = networkSim({ proxyMode: 'rr' });
    threePods(sim);
    expect(hit(sim, 9)).toEqual({ 'web-a': 3, 'web-b': 3, 'web-c': 3 });
  });

  it('spreads uniformly at random in random mode (iptables/nftables)', () => {
    const sim = networkSim({ proxyMode: 'random' });
    threePods(sim);
    const counts = hit(sim, 300);
    expect(Object.keys(counts).sort()).toEqual(['web-a', 'web-b', 'web-c']);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(70);
    // Not a strict rotation.
    const seq = requestsSince(sim, 0)
      .slice(0, 6)
      .map((r) => r.podName);
    expect(seq.join()).not.toBe('web-a,web-b,web-c,web-a,web-b,web-c');
  });

  it('programs rules only after PROXY_SYNC_DELAY_MS', () => {
    const sim = networkSim();
    threePods(sim);
    runningPod(sim, { name: 'web-d', ip: '10.244.1.9' });
    sim.advance(10); // the EndpointSlice is written, kube-proxy has not synced yet
    expect(hit(sim, 8)['web-d']).toBeUndefined();
    sim.advance(1000);
    expect(hit(sim, 8)['web-d']).toBe(2);
  });

  it('sends traffic only to ready endpoints', () => {
    const sim = networkSim();
    threePods(sim);
    runningPod(sim, { name: 'web-x', ip: '10.244.1.8', ready: false });
    sim.advance(1000);
    expect(hit(sim, 6)).toEqual({ 'web-a': 2, 'web-b': 2, 'web-c': 2 });
  });

  it('falls back to serving terminating endpoints when no endpoint is ready', () => {
    const sim = networkSim();
    service(sim, 'web', { clusterIP: '10.96.12.7' });
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5' });
    runningPod(sim, { name: 'web-b', ip: '10.244.1.6', ready: false });
    sim.store.delete('Pod', 'default', 'web-a');
    sim.advance(1000);
    expect(hit(sim, 4)).toEqual({ 'web-a': 4 });
    // Once a ready endpoint exists, terminating ones get nothing.
    runningPod(sim, { name: 'web-c', ip: '10.244.1.7' });
    sim.advance(1000);
    expect(hit(sim, 4)).toEqual({ 'web-c': 4 });
  });

  it('rejects (connection refused) when the service has no usable endpoint', () => {
    const sim = networkSim();
    service(sim, 'web', { clusterIP: '10.96.12.7' });
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5', ready: false });
    sim.advance(1000);
    expect(hit(sim, 1)).toEqual({ refused: 1 });
    expect(requestLog(sim).records().at(-1)).toMatchObject({
      result: 'refused',
      service: 'web',
      namespace: 'default',
      port: 80,
    });
  });

  it('keeps a client on one endpoint with sessionAffinity ClientIP until the timeout', () => {
    const sim = networkSim();
    service(sim, 'web', {
      clusterIP: '10.96.12.7',
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
    });
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5' });
    runningPod(sim, { name: 'web-b', ip: '10.244.2.5' });
    sim.advance(1000);
    expect(Object.keys(hit(sim, 5))).toHaveLength(1);
    const first = Object.keys(hit(sim, 1))[0];
    sim.advance(61_000);
    const c = clientFor(sim, undefined);
    if (!c.ok) throw new Error();
    // After expiry rr moves on to the next endpoint.
    const o = sendRequest(sim, c.client, {
      host: '10.96.12.7',
      port: 80,
      path: '/',
      source: 'test',
    });
    expect(o.kind === 'response' && o.hop.podName).not.toBe(first);
  });

  it('honours internalTrafficPolicy Local: only endpoints on the client node, else dropped', () => {
    const sim = networkSim();
    service(sim, 'web', { clusterIP: '10.96.12.7', internalTrafficPolicy: 'Local' });
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5', node: 'node-1' });
    runningPod(sim, { name: 'web-b', ip: '10.244.2.5', node: 'node-2' });
    runningPod(sim, {
      name: 'client',
      ip: '10.244.1.20',
      node: 'node-1',
      labels: { app: 'client' },
    });
    runningPod(sim, {
      name: 'client3',
      ip: '10.244.3.20',
      node: 'node-3',
      labels: { app: 'client' },
    });
    sim.advance(1000);
    expect(hit(sim, 4, '10.96.12.7', 80, 'client')).toEqual({ 'web-a': 4 });
    expect(
      resolveServiceTarget(
        sim,
        { ip: '10.96.12.7', port: 80 },
        { ip: '10.244.3.20', nodeName: 'node-3' },
      ).kind,
    ).toBe('drop');
  });

  it('reaches a NodePort on every node IP; externalTrafficPolicy Local keeps it on the node', () => {
    const sim = networkSim();
    service(sim, 'web', {
      type: 'NodePort',
      clusterIP: '10.96.12.7',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }],
    });
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5', node: 'node-1' });
    sim.advance(1000);
    for (const ip of ['192.168.49.2', '192.168.49.3', '192.168.49.4', '192.168.49.5'])
      expect(hit(sim, 1, ip, 30080, 'outside')).toEqual({ 'web-a': 1 });
    sim.store.mutate('Service', 'default', 'web', (s) => {
      s.spec.externalTrafficPolicy = 'Local';
    });
    sim.advance(1000);
    expect(hit(sim, 1, '192.168.49.3', 30080, 'outside')).toEqual({ 'web-a': 1 }); // node-1
    expect(hit(sim, 1, '192.168.49.4', 30080, 'outside')).toEqual({ timeout: 1 }); // node-2: no local endpoint
  });
});
