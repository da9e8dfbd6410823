import { describe, expect, it } from 'vitest';
import { offsetOf, STATIC_BAND } from './allocators/cluster-ip';
import { NODE_PORT_MAX, NODE_PORT_MIN } from './allocators/node-port';
import { apiServer, errorOf, service } from './testing';

describe('ClusterIP allocation (10.96.0.0/12)', () => {
  it('allocates from the dynamic band, never twice, deterministically per seed', () => {
    const ips = (seed: number) => {
      const sim = apiServer({ seed });
      return Array.from(
        { length: 20 },
        (_, i) => sim.store.create(service(`s${i}`)).spec.clusterIP as string,
      );
    };
    const a = ips(7);
    expect(new Set(a).size).toBe(20);
    for (const ip of a) expect(offsetOf(ip)).toBeGreaterThanOrEqual(STATIC_BAND);
    expect(a).not.toContain('10.96.0.1');
    expect(a).not.toContain('10.96.0.10');
    expect(ips(7)).toEqual(a);
    expect(ips(8)).not.toEqual(a);
  });

  it('sets clusterIPs, ipFamilies and ipFamilyPolicy', () => {
    const svc = apiServer().store.create(service('web'));
    expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
    expect(svc.spec.ipFamilies).toEqual(['IPv4']);
    expect(svc.spec.ipFamilyPolicy).toBe('SingleStack');
  });

  it('honours a requested IP', () => {
    expect(
      apiServer().store.create(service('web', { clusterIP: '10.96.100.100' })).spec.clusterIPs,
    ).toEqual(['10.96.100.100']);
  });

  it.each([
    [
      '10.96.0.10',
      'Invalid: The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    ],
    [
      '10.0.0.5',
      'Invalid: The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ],
    [
      'banana',
      'Invalid: The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "banana": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ],
  ])('refuses %s', (ip, message) => {
    expect(errorOf(() => apiServer().store.create(service('web', { clusterIP: ip })))).toBe(
      message,
    );
  });

  it('keeps headless services headless', () => {
    const sim = apiServer();
    const svc = sim.store.create(service('db', { clusterIP: 'None' }));
    expect(svc.spec).toMatchObject({
      clusterIP: 'None',
      clusterIPs: ['None'],
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    // Headless without selector: RequireDualStack with both families (initIPFamilyFields special case).
    const bare = sim.store.create(service('ext', { clusterIP: 'None', selector: undefined }));
    expect(bare.spec).toMatchObject({
      ipFamilyPolicy: 'RequireDualStack',
      ipFamilies: ['IPv4', 'IPv6'],
    });
  });

  it('gives ExternalName services no IP', () => {
    const svc = apiServer().store.create(
      service('ext', {
        type: 'ExternalName',
        externalName: 'example.com',
        ports: undefined,
        selector: undefined,
      }),
    );
    expect(svc.spec.clusterIP).toBeUndefined();
    expect(svc.spec.ipFamilies).toBeUndefined();
  });

  it('keeps the allocated IP when a manifest is resubmitted, and refuses to change it', () => {
    const sim = apiServer();
    const svc = sim.store.create(service('web'));
    const again = sim.store.update({
      ...service('web', { ports: [{ port: 8080 }] }),
      metadata: { name: 'web', namespace: 'default' },
    });
    expect(again.spec.clusterIP).toBe(svc.spec.clusterIP);
    expect(
      errorOf(() =>
        sim.store.mutate(
          'Service',
          'default',
          'web',
          (o) => void (o.spec.clusterIP = '10.96.0.50'),
        ),
      ),
    ).toBe(
      'Invalid: The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.50"}: may not change once set',
    );
  });

  it('frees the IP when the Service is deleted (state lives in the store)', () => {
    const sim = apiServer();
    sim.store.create(service('a', { clusterIP: '10.96.5.5' }));
    sim.store.delete('Service', 'default', 'a');
    expect(errorOf(() => sim.store.create(service('b', { clusterIP: '10.96.5.5' })))).toBe('ok');
  });
});

describe('NodePort allocation (30000-32767)', () => {
  it('allocates unique ports in range; ports with the same number share one', () => {
    const sim = apiServer();
    const ports = Array.from(
      { length: 10 },
      (_, i) =>
        sim.store.create(service(`s${i}`, { type: 'NodePort' })).spec.ports[0].nodePort as number,
    );
    expect(new Set(ports).size).toBe(10);
    for (const p of ports) expect(p >= NODE_PORT_MIN && p <= NODE_PORT_MAX).toBe(true);
    const dns = sim.store.create(
      service('dns', {
        type: 'NodePort',
        ports: [
          { name: 'udp', port: 53, protocol: 'UDP' },
          { name: 'tcp', port: 53, protocol: 'TCP' },
        ],
      }),
    );
    expect(dns.spec.ports[0].nodePort).toBe(dns.spec.ports[1].nodePort);
  });

  it('LoadBalancer services get node ports too', () => {
    expect(
      apiServer().store.create(service('lb', { type: 'LoadBalancer' })).spec.ports[0].nodePort,
    ).toBeGreaterThanOrEqual(NODE_PORT_MIN);
  });

  it('honours a requested port and refuses taken or out-of-range ones', () => {
    const sim = apiServer();
    expect(
      sim.store.create(service('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))
        .spec.ports[0].nodePort,
    ).toBe(30080);
    expect(
      errorOf(() =>
        sim.store.create(
          service('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
        ),
      ),
    ).toBe(
      'Invalid: The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    expect(
      errorOf(() =>
        sim.store.create(service('c', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })),
      ),
    ).toBe(
      'Invalid: The Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('keeps node ports on resubmission and drops them when the type becomes ClusterIP', () => {
    const sim = apiServer();
    const svc = sim.store.create(service('web', { type: 'NodePort' }));
    const again = sim.store.update({
      ...service('web', { type: 'NodePort' }),
      metadata: { name: 'web', namespace: 'default' },
    });
    expect(again.spec.ports[0].nodePort).toBe(svc.spec.ports[0].nodePort);
    const cip = sim.store.mutate(
      'Service',
      'default',
      'web',
      (o) => void (o.spec.type = 'ClusterIP'),
    );
    expect(cip.spec.ports[0].nodePort).toBeUndefined();
    expect(cip.spec.externalTrafficPolicy).toBeUndefined();
  });
});
