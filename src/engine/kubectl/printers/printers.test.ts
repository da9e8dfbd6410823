import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { podSummary } from './pods';
import { toYaml, toJson } from './yaml';
import { jsonPath } from './jsonpath';
import { hpaTargets } from './cluster';
import { formatEndpoints, serviceExternalIP, servicePorts } from './network';
import { renderTable } from './table';

const NOW = Date.parse('2026-01-05T09:10:00Z');
function pod(status: Record<string, unknown>, extra: Partial<KObject> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      uid: 'u',
      resourceVersion: '1',
      creationTimestamp: '2026-01-05T09:00:00Z',
      ...(extra.metadata ?? {}),
    },
    spec: { containers: [{ name: 'a', image: 'nginx' }], ...(extra.spec ?? {}) },
    status,
  } as KObject;
}
const running = { running: { startedAt: '2026-01-05T09:00:00Z' } };

describe('pod READY / STATUS / RESTARTS (printers.go printPod)', () => {
  it.each([
    ['pending, unscheduled', pod({ phase: 'Pending' }), '0/1', 'Pending', '0'],
    [
      'container creating',
      pod({
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'a',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ContainerCreating' } },
          },
        ],
      }),
      '0/1',
      'ContainerCreating',
      '0',
    ],
    [
      'running and ready',
      pod({
        phase: 'Running',
        containerStatuses: [{ name: 'a', ready: true, restartCount: 0, state: running }],
      }),
      '1/1',
      'Running',
      '0',
    ],
    [
      'crash loop with restarts',
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'a',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { finishedAt: '2026-01-05T09:09:15Z' } },
          },
        ],
      }),
      '0/1',
      'CrashLoopBackOff',
      '3 (45s ago)',
    ],
    [
      'completed',
      pod({
        phase: 'Succeeded',
        containerStatuses: [
          {
            name: 'a',
            ready: false,
            restartCount: 0,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
        ],
      }),
      '0/1',
      'Completed',
      '0',
    ],
    [
      'exit code without reason',
      pod({
        phase: 'Failed',
        containerStatuses: [{ name: 'a', ready: false, state: { terminated: { exitCode: 2 } } }],
      }),
      '0/1',
      'ExitCode:2',
      '0',
    ],
    [
      'terminating',
      pod(
        { phase: 'Running', containerStatuses: [{ name: 'a', ready: true, state: running }] },
        { metadata: { deletionTimestamp: '2026-01-05T09:10:30Z' } as KObject['metadata'] },
      ),
      '1/1',
      'Terminating',
      '0',
    ],
    [
      'init container running',
      pod(
        { phase: 'Pending', initContainerStatuses: [{ name: 'i', ready: false, state: running }] },
        {
          spec: {
            initContainers: [{ name: 'i', image: 'busybox' }],
            containers: [{ name: 'a', image: 'nginx' }],
          },
        },
      ),
      '0/1',
      'Init:0/1',
      '0',
    ],
    [
      'scheduling gated',
      pod({
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      }),
      '0/1',
      'SchedulingGated',
      '0',
    ],
  ])('%s', (_n, p, ready, status, restarts) => {
    expect(podSummary(p, NOW)).toEqual({ ready, status, restarts });
  });
});

describe('service cells', () => {
  const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) =>
    ({ spec, status }) as unknown as KObject;
  it.each([
    [svc({ type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP' }] }), '<none>', '80/TCP'],
    [
      svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }),
      '<none>',
      '80:30080/TCP',
    ],
    [
      svc({ type: 'LoadBalancer', ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }),
      '<pending>',
      '80:31000/TCP',
    ],
    [
      svc({ type: 'LoadBalancer', ports: [] }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } }),
      '1.2.3.4',
      '<none>',
    ],
    [svc({ type: 'ExternalName', externalName: 'example.com' }), 'example.com', '<none>'],
  ])('%#', (s, ext, ports) => {
    expect(serviceExternalIP(s)).toBe(ext);
    expect(servicePorts(s)).toBe(ports);
  });
  it('endpoints: three then "+ N more..."', () => {
    const ep = {
      subsets: [
        {
          addresses: ['1', '2', '3', '4', '5'].map((i) => ({ ip: `10.0.0.${i}` })),
          ports: [{ port: 80 }],
        },
      ],
    } as unknown as KObject;
    expect(formatEndpoints(ep)).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...');
  });
  it('hpa targets', () => {
    const hpa = {
      spec: {
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
          },
        ],
      },
      status: {
        currentMetrics: [
          { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12 } } },
        ],
      },
    } as unknown as KObject;
    expect(hpaTargets(hpa)).toBe('cpu: 12%/50%');
  });
});

describe('table layout (tabwriter minwidth 6, padding 3)', () => {
  it('pads all but the last column', () => {
    expect(
      renderTable([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        ['web-1', '1/1', 'Running', '0', '5s'],
      ]),
    ).toBe('NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          5s\n');
  });
});

describe('yaml as kubectl prints it (go-yaml v2)', () => {
  it('matches kubectl create deployment --dry-run=client -o yaml', () => {
    const obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        strategy: {},
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] },
        },
      },
      status: {},
    };
    expect(toYaml(obj)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
  });
  it.each([
    [{ schedule: '*/1 * * * *' }, "schedule: '*/1 * * * *'\n"],
    [{ rev: '1' }, 'rev: "1"\n'],
    [{ t: '2026-01-05T09:00:00Z' }, 't: "2026-01-05T09:00:00Z"\n'],
    [{ b: 'true', y: 'yes', e: '' }, 'b: "true"\ne: ""\n"y": "yes"\n'],
    [{ args: ['-c', 'echo hi; sleep 1'] }, 'args:\n- -c\n- echo hi; sleep 1\n'],
    [
      { a: { 'kubectl.kubernetes.io/last-applied-configuration': '{"a":1}\n' } },
      'a:\n  kubectl.kubernetes.io/last-applied-configuration: |\n    {"a":1}\n',
    ],
    [{ '80': 'x' }, '"80": x\n'],
  ])('%j', (v, want) => expect(toYaml(v)).toBe(want));
  it('json: sorted keys, 4-space indent', () => {
    expect(toJson({ kind: 'Pod', apiVersion: 'v1' })).toBe(
      '{\n    "apiVersion": "v1",\n    "kind": "Pod"\n}\n',
    );
  });
});

describe('jsonpath (client-go dialect)', () => {
  const list = {
    kind: 'List',
    items: [
      {
        metadata: { name: 'a', labels: { app: 'web' } },
        status: { conditions: [{ type: 'Ready', status: 'True' }], podIP: '10.0.0.1' },
      },
      {
        metadata: { name: 'b', labels: { app: 'db' } },
        status: { conditions: [{ type: 'Ready', status: 'False' }], podIP: '10.0.0.2' },
      },
    ],
  };
  it.each([
    ['{.items[*].metadata.name}', 'a b'],
    ['{.items[0].metadata.name}', 'a'],
    ['{.items[-1].metadata.name}', 'b'],
    [
      '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}',
      'a\t10.0.0.1\nb\t10.0.0.2\n',
    ],
    ['{.items[?(@.metadata.labels.app=="db")].metadata.name}', 'b'],
    [`{.items[?(@.status.conditions[0].status=='True')].metadata.name}`, 'a'],
    ['{.items[*].metadata.labels}', '{"app":"web"} {"app":"db"}'],
    ['{..podIP}', '10.0.0.1 10.0.0.2'],
    ['{.kind}', 'List'],
    ['{.missing}', ''],
    ["{.items[0].metadata.labels['app']}", 'web'],
    ['names: {.items[0:1].metadata.name}', 'names: a'],
  ])('%s', (tpl, want) => expect(jsonPath(tpl, list)).toBe(want));
});
