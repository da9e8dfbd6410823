import { describe, expect, it } from 'vitest';
import { networkSim, runningPod, service } from './testing';
import { ENDPOINTSLICE_MANAGED_BY, MAX_ENDPOINTS_PER_SLICE } from './endpointslice-controller';
import type { KObject } from '../api/types';

function slices(sim: ReturnType<typeof networkSim>, svc: string): KObject[] {
  return sim.store.list('EndpointSlice', { labelSelector: `kubernetes.io/service-name=${svc}` });
}

function conditionsByPod(sim: ReturnType<typeof networkSim>, svc: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of slices(sim, svc))
    for (const e of s.endpoints ?? []) out[e.targetRef.name] = e.conditions;
  return out;
}

describe('EndpointSlice controller', () => {
  it('lists ready, not ready and terminating pods with their conditions', () => {
    const sim = networkSim();
    service(sim, 'web', { clusterIP: '10.96.12.7' });
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5' });
    runningPod(sim, { name: 'web-b', ip: '10.244.2.5', node: 'node-2', ready: false });
    runningPod(sim, { name: 'web-c', ip: '10.244.3.5', node: 'node-3' });
    runningPod(sim, { name: 'web-noip', ip: '' });
    sim.store.delete('Pod', 'default', 'web-c');
    sim.advance(1000);
    expect(conditionsByPod(sim, 'web')).toEqual({
      'web-a': { ready: true, serving: true, terminating: false },
      'web-b': { ready: false, serving: false, terminating: false },
      'web-c': { ready: false, serving: true, terminating: true },
    });
    const [s] = slices(sim, 'web');
    expect(s.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(s.metadata.generateName).toBe('web-');
    expect(s.metadata.labels).toEqual({
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': ENDPOINTSLICE_MANAGED_BY,
    });
    expect(s.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        controller: true,
        blockOwnerDeletion: true,
      }),
    ]);
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    const a = s.endpoints.find((e: KObject) => e.targetRef.name === 'web-a');
    expect(a).toMatchObject({
      addresses: ['10.244.1.5'],
      nodeName: 'node-1',
      targetRef: { kind: 'Pod', namespace: 'default', name: 'web-a' },
    });
    expect(s.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
  });

  it('marks every endpoint ready with publishNotReadyAddresses', () => {
    const sim = networkSim();
    service(sim, 'web', { clusterIP: 'None', publishNotReadyAddresses: true });
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5', ready: false });
    sim.advance(1000);
    expect(conditionsByPod(sim, 'web')).toEqual({
      'web-a': { ready: true, serving: false, terminating: false },
    });
    expect(slices(sim, 'web')[0].metadata.labels?.['service.kubernetes.io/headless']).toBe('');
  });

  it('resolves a named targetPort against each pod, one slice per port set', () => {
    const sim = networkSim();
    service(sim, 'web', {
      clusterIP: '10.96.12.7',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'web' }],
    });
    runningPod(sim, {
      name: 'web-a',
      ip: '10.244.1.5',
      ports: [{ containerPort: 8080, name: 'web' }],
    });
    runningPod(sim, {
      name: 'web-b',
      ip: '10.244.1.6',
      ports: [{ containerPort: 9090, name: 'web' }],
    });
    sim.advance(1000);
    const ports = slices(sim, 'web')
      .map(
        (s) => `${s.ports[0].port}:${s.endpoints.map((e: KObject) => e.targetRef.name).join(',')}`,
      )
      .sort();
    expect(ports).toEqual(['8080:web-a', '9090:web-b']);
  });

  it(`splits at ${MAX_ENDPOINTS_PER_SLICE} endpoints per slice`, () => {
    const sim = networkSim();
    service(sim, 'web', { clusterIP: '10.96.12.7' });
    for (let i = 0; i < 150; i++)
      runningPod(sim, { name: `web-${i}`, ip: `10.244.${1 + Math.floor(i / 200)}.${i + 2}` });
    sim.advance(1000);
    expect(
      slices(sim, 'web')
        .map((s) => s.endpoints.length)
        .sort(),
    ).toEqual([100, 50]);
  });

  it('keeps one placeholder slice without ports or endpoints for a service with no pods', () => {
    const sim = networkSim();
    service(sim, 'web', { clusterIP: '10.96.12.7' });
    sim.advance(1000);
    const s = slices(sim, 'web');
    expect(s).toHaveLength(1);
    expect(s[0].endpoints).toEqual([]);
    expect(s[0].ports).toEqual([]);
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5' });
    sim.advance(1000);
    expect(slices(sim, 'web').map((x) => x.endpoints.length)).toEqual([1]);
  });

  it('creates nothing for ExternalName services and services without a selector', () => {
    const sim = networkSim();
    service(sim, 'ext', {
      type: 'ExternalName',
      externalName: 'example.com',
      selector: undefined,
      ports: undefined,
    });
    service(sim, 'manual', { clusterIP: '10.96.0.50', selector: undefined });
    sim.advance(1000);
    const names = (kind: string) => sim.store.list(kind).map((o) => o.metadata.name);
    // Only the API server's own default/kubernetes objects.
    expect(names('EndpointSlice')).toEqual(['kubernetes']);
    expect(names('Endpoints')).toEqual(['kubernetes']);
  });

  it('deletes the slices with the service', () => {
    const sim = networkSim();
    service(sim, 'web', { clusterIP: '10.96.12.7' });
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5' });
    sim.advance(1000);
    sim.store.delete('Service', 'default', 'web');
    sim.advance(1000);
    expect(slices(sim, 'web')).toEqual([]);
    expect(sim.store.get('Endpoints', 'default', 'web')).toBeUndefined();
  });
});

describe('Endpoints controller', () => {
  it('puts ready pods under addresses and the others under notReadyAddresses, without terminating ones', () => {
    const sim = networkSim();
    service(sim, 'web', {
      clusterIP: '10.96.12.7',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    runningPod(sim, { name: 'web-b', ip: '10.244.2.5', node: 'node-2' });
    runningPod(sim, { name: 'web-a', ip: '10.244.1.5' });
    runningPod(sim, { name: 'web-c', ip: '10.244.3.5', ready: false });
    runningPod(sim, { name: 'web-d', ip: '10.244.3.6' });
    sim.store.delete('Pod', 'default', 'web-d');
    sim.advance(1000);
    const ep = sim.store.get('Endpoints', 'default', 'web')!;
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].addresses.map((a: KObject) => a.ip)).toEqual(['10.244.1.5', '10.244.2.5']);
    expect(ep.subsets[0].notReadyAddresses.map((a: KObject) => a.targetRef.name)).toEqual([
      'web-c',
    ]);
    expect(ep.subsets[0].ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(ep.subsets[0].addresses[0]).toMatchObject({
      nodeName: 'node-1',
      targetRef: { kind: 'Pod', name: 'web-a' },
    });
    expect(ep.metadata.annotations).toHaveProperty([
      'endpoints.kubernetes.io/last-change-trigger-time',
    ]);
  });

  it('exists without subsets when no pod is selected', () => {
    const sim = networkSim();
    service(sim, 'web', { clusterIP: '10.96.12.7' });
    sim.advance(1000);
    expect(sim.store.get('Endpoints', 'default', 'web')!.subsets).toBeUndefined();
  });
});

describe('API server endpoints', () => {
  it('publishes default/kubernetes as the control-plane address on 6443', () => {
    const sim = networkSim();
    expect(sim.store.get('Endpoints', 'default', 'kubernetes')!.subsets).toEqual([
      {
        addresses: [{ ip: '192.168.49.2' }],
        ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
      },
    ]);
    expect(sim.store.get('EndpointSlice', 'default', 'kubernetes')!.endpoints).toEqual([
      { addresses: ['192.168.49.2'], conditions: { ready: true } },
    ]);
  });
});
