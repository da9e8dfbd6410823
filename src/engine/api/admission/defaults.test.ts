import { describe, expect, it } from 'vitest';
import { apiServer, deployment, pod, service } from './testing';
import { imageTag } from './defaults/pod';

describe('Pod defaults (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container)', () => {
  const sim = apiServer();
  const p = sim.store.create(
    pod('web', {
      containers: [
        {
          name: 'web',
          image: 'nginx',
          ports: [{ containerPort: 80 }],
          resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } },
          livenessProbe: { httpGet: { port: 80 } },
          env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
        },
      ],
      volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'cfg' } }],
    }),
  );
  const c = p.spec.containers[0];

  it.each([
    ['restartPolicy', 'Always'],
    ['dnsPolicy', 'ClusterFirst'],
    ['schedulerName', 'default-scheduler'],
    ['terminationGracePeriodSeconds', 30],
    ['enableServiceLinks', true],
    ['serviceAccountName', 'default'],
    ['serviceAccount', 'default'],
    ['priority', 0],
    ['preemptionPolicy', 'PreemptLowerPriority'],
  ])('spec.%s = %j', (field, value) => {
    expect(p.spec[field]).toEqual(value);
  });

  it('gives the pod an empty security context', () => expect(p.spec.securityContext).toEqual({}));

  it('defaults the container', () => {
    expect(c.imagePullPolicy).toBe('Always');
    expect(c.terminationMessagePath).toBe('/dev/termination-log');
    expect(c.terminationMessagePolicy).toBe('File');
    expect(c.ports[0].protocol).toBe('TCP');
    expect(c.env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
  });

  it('copies limits into missing requests, keeping explicit requests', () => {
    expect(c.resources.requests).toEqual({ cpu: '250m', memory: '128Mi' });
  });

  it('defaults probes and httpGet', () => {
    expect(c.livenessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('defaults volumes: no source means emptyDir, configMap mode 0644', () => {
    expect(p.spec.volumes[0]).toEqual({ name: 'scratch', emptyDir: {} });
    expect(p.spec.volumes[1].configMap.defaultMode).toBe(420);
  });

  it('starts Pending with its QoS class', () => {
    expect(p.status.phase).toBe('Pending');
    expect(p.status.qosClass).toBe('Burstable');
  });
});

describe('PrepareForCreate', () => {
  it('replaces the status a create carries', () => {
    const sim = apiServer();
    const p = sim.store.create({ ...pod('p'), status: { phase: 'Running', podIP: '1.2.3.4' } });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(sim.store.create({ ...deployment('web'), status: { replicas: 9 } }).status).toEqual({});
  });

  it('marks a gated pod SchedulingGated', () => {
    const sim = apiServer();
    const p = sim.store.create(pod('p', { schedulingGates: [{ name: 'example.com/wait' }] }));
    expect(p.status.conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
        lastProbeTime: null,
        lastTransitionTime: expect.any(String),
      },
    ]);
  });
});

describe('imagePullPolicy follows the tag (parsers.ParseImageName)', () => {
  it.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.27', '1.27', 'IfNotPresent'],
    ['localhost:5000/nginx', 'latest', 'Always'],
    ['registry.k8s.io/pause:3.10', '3.10', 'IfNotPresent'],
    ['nginx@sha256:abcd', '', 'IfNotPresent'],
  ])('%s → tag %j → %s', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag);
    const sim = apiServer();
    const p = sim.store.create(pod('p', { containers: [{ name: 'c', image }] }));
    expect(p.spec.containers[0].imagePullPolicy).toBe(policy);
  });
});

describe('QoS class (GetPodQOS)', () => {
  it.each([
    [{}, 'BestEffort'],
    [{ requests: { cpu: '100m' } }, 'Burstable'],
    [{ limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }, 'Burstable'],
  ])('resources %j → %s', (resources, qos) => {
    const sim = apiServer();
    const p = sim.store.create(
      pod('p', { containers: [{ name: 'c', image: 'nginx:1', resources }] }),
    );
    expect(p.status.qosClass).toBe(qos);
  });
});

describe('workload defaults', () => {
  const sim = apiServer();
  it('Deployment (apps/v1 SetDefaults_Deployment)', () => {
    const d = sim.store.create(deployment('web'));
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    // The template gets PodSpec defaults but not the Pod-only ones.
    expect(d.spec.template.spec.restartPolicy).toBe('Always');
    expect(d.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(d.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('Recreate deployments get no rollingUpdate', () => {
    const d = sim.store.create(deployment('recreate', { strategy: { type: 'Recreate' } }));
    expect(d.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('ReplicaSet replicas 1', () => {
    const rs = sim.store.create({ ...deployment('rs'), kind: 'ReplicaSet' });
    expect(rs.spec.replicas).toBe(1);
  });

  it('DaemonSet updateStrategy and history', () => {
    const ds = sim.store.create({ ...deployment('ds'), kind: 'DaemonSet' });
    expect(ds.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
  });

  it('StatefulSet', () => {
    const sts = sim.store.create({ ...deployment('db'), kind: 'StatefulSet' });
    expect(sts.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
  });

  it('Job: defaults and the generated selector (job strategy generateSelector)', () => {
    const job = sim.store.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: {
        template: {
          spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] },
        },
      },
    });
    const uid = job.metadata.uid;
    expect(job.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      manualSelector: false,
    });
    expect(job.spec.selector).toEqual({
      matchLabels: { 'batch.kubernetes.io/controller-uid': uid },
    });
    expect(job.spec.template.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    });
  });

  it('Job with parallelism only keeps completions unset', () => {
    const job = sim.store.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'work' },
      spec: {
        parallelism: 3,
        template: {
          spec: { restartPolicy: 'OnFailure', containers: [{ name: 'w', image: 'busybox:1' }] },
        },
      },
    });
    expect(job.spec.completions).toBeUndefined();
    expect(job.spec.parallelism).toBe(3);
  });

  it('CronJob', () => {
    const cj = sim.store.create({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello' },
      spec: {
        schedule: '*/1 * * * *',
        jobTemplate: {
          spec: {
            template: {
              spec: { restartPolicy: 'OnFailure', containers: [{ name: 'h', image: 'busybox:1' }] },
            },
          },
        },
      },
    });
    expect(cj.spec).toMatchObject({
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
    expect(cj.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(cj.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
  });
});

describe('Service defaults (SetDefaults_Service) and allocation fields', () => {
  const sim = apiServer();
  it.each([
    [
      'ClusterIP',
      {},
      {
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
    ],
    [
      'NodePort',
      { type: 'NodePort' },
      { externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
    ],
    [
      'LoadBalancer',
      { type: 'LoadBalancer' },
      { externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true },
    ],
    [
      'ClientIP',
      { sessionAffinity: 'ClientIP' },
      { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } },
    ],
  ])('%s', (name, spec, expected) => {
    const svc = sim.store.create(service(name.toLowerCase(), spec));
    expect(svc.spec).toMatchObject(expected);
    expect(svc.spec.ports[0]).toMatchObject({ protocol: 'TCP', targetPort: 80 });
    expect(svc.status).toEqual({ loadBalancer: {} });
  });
});

describe('other kinds', () => {
  const sim = apiServer();
  it('Namespace: label, finalizer, phase', () => {
    const ns = sim.store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
  });

  it('Secret type Opaque', () => {
    expect(
      sim.store.create({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's' },
        data: { a: 'Yg==' },
      }).type,
    ).toBe('Opaque');
  });

  it('Secret stringData is merged into data as base64 and not stored', () => {
    const s = sim.store.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's2' },
      data: { a: 'eA==', b: 'eA==' },
      stringData: { b: 'pässword', c: 'hi' },
    });
    expect(s.data).toEqual({ a: 'eA==', b: 'cMOkc3N3b3Jk', c: 'aGk=' });
    expect(s.stringData).toBeUndefined();
  });

  it('PVC volumeMode Filesystem and phase Pending', () => {
    const pvc = sim.store.create({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    expect(pvc.spec.volumeMode).toBe('Filesystem');
    expect(pvc.status.phase).toBe('Pending');
  });

  it('HPA autoscaling/v2: minReplicas 1, CPU 80%, behavior completed only when given', () => {
    const base = {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      maxReplicas: 5,
    };
    const hpa = sim.store.create({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: base,
    });
    expect(hpa.spec.minReplicas).toBe(1);
    expect(hpa.spec.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
      },
    ]);
    expect(hpa.spec.behavior).toBeUndefined();
    const withBehavior = sim.store.create({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web2' },
      spec: { ...base, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
    });
    expect(withBehavior.spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: {
        stabilizationWindowSeconds: 60,
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
      },
    });
  });
});

describe('updates', () => {
  it('re-defaults a resubmitted spec without bumping generation', () => {
    const sim = apiServer();
    const d = sim.store.create(deployment('web'));
    const again = sim.store.update({
      ...deployment('web'),
      metadata: { name: 'web', namespace: 'default' },
    });
    expect(again.metadata.generation).toBe(d.metadata.generation);
    expect(again.spec).toEqual(d.spec);
  });
});
