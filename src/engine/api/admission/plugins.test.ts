import { describe, expect, it } from 'vitest';
import { deployment, apiServer, errorOf, pod } from './testing';

describe('NamespaceLifecycle', () => {
  it('refuses writes into a namespace that does not exist', () => {
    const sim = apiServer();
    expect(errorOf(() => sim.store.create(pod('p', {}, { namespace: 'foo' })))).toBe(
      'NotFound: namespaces "foo" not found',
    );
    expect(
      errorOf(() =>
        sim.store.create({ ...deployment('web'), metadata: { name: 'web', namespace: 'foo' } }),
      ),
    ).toBe('NotFound: namespaces "foo" not found');
  });

  it('refuses new content in a terminating namespace', () => {
    const sim = apiServer();
    sim.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } });
    sim.store.mutate(
      'Namespace',
      undefined,
      'foo',
      (ns) => void (ns.status.phase = 'Terminating'),
      { subresource: 'status' },
    );
    expect(errorOf(() => sim.store.create(pod('p', {}, { namespace: 'foo' })))).toBe(
      'Forbidden: pods "p" is forbidden: unable to create new content in namespace foo because it is being terminated',
    );
  });

  it.each(['default', 'kube-system', 'kube-public', 'kube-node-lease'])(
    'the %s namespace may not be deleted',
    (name) => {
      const sim = apiServer();
      expect(errorOf(() => sim.store.delete('Namespace', undefined, name))).toBe(
        `Forbidden: namespaces "${name}" is forbidden: this namespace may not be deleted`,
      );
      expect(sim.store.get('Namespace', undefined, name)).toBeDefined();
    },
  );

  it('other namespaces can be deleted; cluster-scoped objects need no namespace', () => {
    const sim = apiServer();
    sim.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } });
    expect(errorOf(() => sim.store.delete('Namespace', undefined, 'foo'))).toBe('ok');
    expect(
      errorOf(() =>
        sim.store.create({
          apiVersion: 'scheduling.k8s.io/v1',
          kind: 'PriorityClass',
          metadata: { name: 'high' },
          value: 1000,
        }),
      ),
    ).toBe('ok');
  });
});

describe('ServiceAccount', () => {
  it('uses the default service account and mounts the API token', () => {
    const sim = apiServer();
    const p = sim.store.create(pod('p'));
    expect(p.spec.serviceAccountName).toBe('default');
    const vol = p.spec.volumes.find((v: { name: string }) => v.name.startsWith('kube-api-access-'));
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(vol.projected.sources[0]).toEqual({
      serviceAccountToken: { expirationSeconds: 3607, path: 'token' },
    });
    expect(p.spec.containers[0].volumeMounts).toEqual([
      {
        name: vol.name,
        readOnly: true,
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      },
    ]);
  });

  it('keeps a named account and honours automountServiceAccountToken: false', () => {
    const sim = apiServer();
    const p = sim.store.create(
      pod('p', { serviceAccountName: 'builder', automountServiceAccountToken: false }),
    );
    expect(p.spec.serviceAccountName).toBe('builder');
    expect(p.spec.volumes).toBeUndefined();
  });

  it('leaves mirror pods alone', () => {
    const sim = apiServer();
    const p = sim.store.create(
      pod(
        'etcd-cp',
        { nodeName: 'control-plane' },
        { namespace: 'kube-system', annotations: { 'kubernetes.io/config.mirror': 'abc' } },
      ),
    );
    expect(p.spec.serviceAccountName).toBeUndefined();
    expect(p.spec.volumes).toBeUndefined();
  });
});

describe('DefaultTolerationSeconds', () => {
  const added = (seconds: number) => [
    {
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: seconds,
    },
    {
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: seconds,
    },
  ];

  it.each([
    ['no tolerations', undefined, added(300)],
    [
      'an unrelated toleration',
      [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
      [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }, ...added(300)],
    ],
    ['tolerates everything', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    [
      'an own not-ready toleration',
      [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 10,
        },
      ],
      [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 10,
        },
        added(300)[1],
      ],
    ],
  ])('%s', (_case, tolerations, expected) => {
    const sim = apiServer();
    expect(sim.store.create(pod('p', tolerations ? { tolerations } : {})).spec.tolerations).toEqual(
      expected,
    );
  });

  it('uses the configured seconds', () => {
    const sim = apiServer({ defaultTolerationSeconds: 60 });
    expect(sim.store.create(pod('p')).spec.tolerations).toEqual(added(60));
  });
});

describe('Priority', () => {
  it('resolves a PriorityClass to priority and preemptionPolicy', () => {
    const sim = apiServer();
    sim.store.create({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'batch' },
      value: 100,
      preemptionPolicy: 'Never',
    });
    const p = sim.store.create(pod('p', { priorityClassName: 'batch' }));
    expect(p.spec.priority).toBe(100);
    expect(p.spec.preemptionPolicy).toBe('Never');
  });

  it('resolves the system classes', () => {
    const sim = apiServer({ addons: false });
    expect(
      sim.store.create(pod('p', { priorityClassName: 'system-node-critical' })).spec.priority,
    ).toBe(2000001000);
  });

  it('uses the global default class when the pod names none', () => {
    const sim = apiServer();
    sim.store.create({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'normal' },
      value: 10,
      globalDefault: true,
    });
    const p = sim.store.create(pod('p'));
    expect([p.spec.priorityClassName, p.spec.priority]).toEqual(['normal', 10]);
  });

  it.each([
    [
      { priorityClassName: 'gold' },
      'Forbidden: pods "p" is forbidden: no PriorityClass with name gold was found',
    ],
    [
      { priority: 5 },
      'Forbidden: pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    ],
  ])('refuses %j', (spec, message) => {
    const sim = apiServer();
    expect(errorOf(() => sim.store.create(pod('p', spec)))).toBe(message);
  });

  it('allows only one global default', () => {
    const sim = apiServer();
    const pc = (name: string) => ({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name },
      value: 1,
      globalDefault: true,
    });
    sim.store.create(pc('a'));
    expect(errorOf(() => sim.store.create(pc('b')))).toBe(
      'Forbidden: priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist',
    );
  });
});

describe('LimitRanger (Container limits)', () => {
  const limitRange = (limits: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'limits' },
    spec: { limits: [{ type: 'Container', ...limits }] },
  });

  it('defaults the LimitRange item itself (SetDefaults_LimitRangeItem)', () => {
    const sim = apiServer();
    const lr = sim.store.create(limitRange({ max: { cpu: '1' }, min: { memory: '64Mi' } }));
    expect(lr.spec.limits[0].default).toEqual({ cpu: '1' });
    expect(lr.spec.limits[0].defaultRequest).toEqual({ cpu: '1', memory: '64Mi' });
  });

  it('fills in defaults and records them in the annotation', () => {
    const sim = apiServer();
    sim.store.create(
      limitRange({
        default: { cpu: '500m', memory: '256Mi' },
        defaultRequest: { cpu: '100m', memory: '128Mi' },
      }),
    );
    const p = sim.store.create(pod('p'));
    expect(p.spec.containers[0].resources).toEqual({
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '100m', memory: '128Mi' },
    });
    expect(p.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web',
    );
    expect(p.status.qosClass).toBe('Burstable');
  });

  it.each([
    [
      { limits: { cpu: '2' } },
      'Forbidden: pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
    ],
    [
      { requests: { cpu: '10m' }, limits: { cpu: '1' } },
      'Forbidden: pods "p" is forbidden: minimum cpu usage per Container is 50m, but request is 10m',
    ],
  ])('enforces min and max: %j', (resources, message) => {
    const sim = apiServer();
    sim.store.create(limitRange({ max: { cpu: '1' }, min: { cpu: '50m' } }));
    expect(
      errorOf(() =>
        sim.store.create(pod('p', { containers: [{ name: 'web', image: 'nginx:1', resources }] })),
      ),
    ).toBe(message);
  });
});
