import { describe, expect, it } from 'vitest';
import type { KInput } from '../types';
import { apiServer, deployment, errorOf, pod, service } from './testing';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function withContainer(c: Record<string, unknown>): KInput {
  return pod('p', { containers: [{ name: 'web', image: 'nginx:1.27', ...c }] });
}

describe('create: the API server rejects with the real messages', () => {
  it.each<[string, KInput, string]>([
    [
      'pod name',
      pod('Web'),
      `Invalid: The Pod "Web" is invalid: metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`,
    ],
    [
      'service name',
      service('1web'),
      `Invalid: The Service "1web" is invalid: metadata.name: Invalid value: "1web": ${DNS1035_MSG}`,
    ],
    [
      'namespace name with dots',
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team.a' } },
      'Invalid: The Namespace "team.a" is invalid: metadata.name: Invalid value: "team.a": must not contain dots',
    ],
    [
      'label value',
      pod('p', {}, { labels: { app: '-web' } }),
      `Invalid: The Pod "p" is invalid: metadata.labels: Invalid value: "-web": ${LABEL_VALUE_MSG}`,
    ],
    [
      'label key',
      pod('p', {}, { labels: { 'a/b/c': 'x' } }),
      `Invalid: The Pod "p" is invalid: metadata.labels: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    [
      'pod without containers',
      pod('p', { containers: [] }),
      'Invalid: The Pod "p" is invalid: spec.containers: Required value',
    ],
    [
      'container without image',
      withContainer({ image: undefined }),
      'Invalid: The Pod "p" is invalid: spec.containers[0].image: Required value',
    ],
    [
      'duplicate container names',
      pod('p', {
        containers: [
          { name: 'web', image: 'a:1' },
          { name: 'web', image: 'b:1' },
        ],
      }),
      'Invalid: The Pod "p" is invalid: spec.containers[1].name: Duplicate value: "web"',
    ],
    [
      'container port out of range',
      withContainer({ ports: [{ containerPort: 70000 }] }),
      'Invalid: The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'requests above limits',
      withContainer({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }),
      'Invalid: The Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ],
    [
      'liveness successThreshold',
      withContainer({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }),
      'Invalid: The Pod "p" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ],
    [
      'probe without handler',
      withContainer({ readinessProbe: { periodSeconds: 5 } }),
      'Invalid: The Pod "p" is invalid: spec.containers[0].readinessProbe: Required value: must specify a handler type',
    ],
    [
      'unknown restartPolicy',
      pod('p', { restartPolicy: 'Sometimes' }),
      'Invalid: The Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      'volume mount of a missing volume',
      withContainer({ volumeMounts: [{ name: 'data', mountPath: '/data' }] }),
      'Invalid: The Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ],
    [
      'deployment selector does not match',
      deployment('web', { selector: { matchLabels: { app: 'other' } } }),
      'Invalid: The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ],
    [
      'deployment without selector',
      deployment('web', { selector: undefined }),
      'Invalid: The Deployment "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    ],
    [
      'negative replicas',
      deployment('web', { replicas: -1 }),
      'Invalid: The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'template restartPolicy',
      deployment('web', {
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'web', image: 'nginx:1' }] },
        },
      }),
      'Invalid: The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      'maxSurge and maxUnavailable both 0',
      deployment('web', { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      'Invalid: The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ],
    [
      'template container without image',
      deployment('web', {
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' }] } },
      }),
      'Invalid: The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value',
    ],
    [
      'job restartPolicy Always',
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'pi' },
        spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl:5' }] } } },
      },
      'Invalid: The Job "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ],
    [
      'service without ports',
      service('web', { ports: undefined }),
      'Invalid: The Service "web" is invalid: spec.ports: Required value',
    ],
    [
      'service port range',
      service('web', { ports: [{ port: 70000 }] }),
      // targetPort defaults to port, so the real server reports it too.
      'Invalid: The Service "web" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]',
    ],
    [
      'service type',
      service('web', { type: 'Public' }),
      'Invalid: The Service "web" is invalid: spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
    [
      'nodePort on a ClusterIP service',
      service('web', { ports: [{ port: 80, nodePort: 30080 }] }),
      'Invalid: The Service "web" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'',
    ],
    [
      'configmap key',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { 'a b': 'x' } },
      `Invalid: The ConfigMap "cfg" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ],
    [
      'several causes are listed in brackets',
      pod('p', { containers: [{ name: 'web' }, { name: 'web', image: 'x:1' }] }),
      'Invalid: The Pod "p" is invalid: [spec.containers[0].image: Required value, spec.containers[1].name: Duplicate value: "web"]',
    ],
    [
      'cronjob schedule',
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'c' },
        spec: {
          schedule: 'hourly',
          jobTemplate: {
            spec: {
              template: {
                spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1' }] },
              },
            },
          },
        },
      },
      'Invalid: The CronJob "c" is invalid: spec.schedule: Invalid value: "hourly": expected exactly 5 fields, found 1: [hourly]',
    ],
    [
      'pdb with both bounds',
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'pdb' },
        spec: { minAvailable: 1, maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } },
      },
      'Invalid: The PodDisruptionBudget "pdb" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:1, MaxUnavailable:1}: minAvailable and maxUnavailable cannot be both set',
    ],
  ])('%s', (_case, obj, message) => {
    const sim = apiServer();
    expect(errorOf(() => sim.store.create(obj))).toBe(message);
  });

  it('accepts valid objects of every common kind', () => {
    const sim = apiServer();
    for (const obj of [
      pod('p'),
      deployment('web'),
      service('web'),
      service('np', { type: 'NodePort' }),
      service('hl', { clusterIP: 'None' }),
    ]) {
      expect(errorOf(() => sim.store.create(obj))).toBe('ok');
    }
  });
});

describe('update rules', () => {
  it('deployment selector is immutable', () => {
    const sim = apiServer();
    const d = sim.store.create(deployment('web'));
    const changed = {
      ...d,
      spec: {
        ...d.spec,
        selector: { matchLabels: { app: 'web', tier: 'fe' } },
        template: { ...d.spec.template, metadata: { labels: { app: 'web', tier: 'fe' } } },
      },
    };
    expect(errorOf(() => sim.store.update(changed))).toBe(
      'Invalid: The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"fe"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('pods accept image changes and binding, and refuse other spec changes', () => {
    const sim = apiServer();
    sim.store.create(pod('p'));
    expect(
      errorOf(() =>
        sim.store.mutate(
          'Pod',
          'default',
          'p',
          (o) => void (o.spec.containers[0].image = 'nginx:1.28'),
        ),
      ),
    ).toBe('ok');
    expect(
      errorOf(() =>
        sim.store.mutate('Pod', 'default', 'p', (o) => void (o.spec.nodeName = 'node-1')),
      ),
    ).toBe('ok');
    expect(
      errorOf(() =>
        sim.store.mutate(
          'Pod',
          'default',
          'p',
          (o) => void (o.spec.containers[0].ports = [{ containerPort: 8080 }]),
        ),
      ),
    ).toBe(
      'Invalid: The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(
      errorOf(() =>
        sim.store.mutate('Pod', 'default', 'p', (o) => void (o.spec.nodeName = 'node-2')),
      ),
    ).toMatch(/pod updates may not change fields/);
  });

  it('status writes are not re-validated against the spec rules', () => {
    const sim = apiServer();
    sim.store.create(pod('p'));
    expect(
      errorOf(() =>
        sim.store.mutate('Pod', 'default', 'p', (o) => void (o.status.phase = 'Running'), {
          subresource: 'status',
        }),
      ),
    ).toBe('ok');
  });

  it('job template is immutable', () => {
    const sim = apiServer();
    sim.store.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: {
        template: {
          spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5' }] },
        },
      },
    });
    expect(
      errorOf(() =>
        sim.store.mutate(
          'Job',
          'default',
          'pi',
          (o) => void (o.spec.template.spec.containers[0].image = 'perl:6'),
        ),
      ),
    ).toBe(
      'Invalid: The Job "pi" is invalid: spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable',
    );
  });
});
