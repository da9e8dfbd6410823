import { describe, expect, it } from 'vitest';
import { RESOURCES } from './generated/resources';
import {
  decodeErrorMessage,
  decodeObject,
  fieldSchema,
  findResource,
  patchMetaFor,
  type ResourceInfo,
} from './schema';
import { DEFINITIONS_SOURCE } from './schema/defs';
import {
  base64Error,
  quantityError,
  RFC3339,
  RFC3339_MICRO,
  timeParseError,
} from './schema/goscalars';

function res(name: string): ResourceInfo {
  const r = findResource(name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test fixtures are mutated freely
type Obj = any;

function deployment(): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              resources: { requests: { cpu: '100m', memory: 64 }, limits: { memory: '128Mi' } },
              env: [{ name: 'A', value: '1' }],
            },
          ],
        },
      },
    },
  };
}

const message = (obj: unknown, r: ResourceInfo): string => decodeErrorMessage(decodeObject(obj, r));

describe('generated resource table', () => {
  it('records its source', () => {
    expect(DEFINITIONS_SOURCE).toBe('Kubernetes v1.36 OpenAPI, api/openapi-spec/swagger.json');
  });

  it('lists the kinds in kubectl api-resources order', () => {
    expect(RESOURCES).toHaveLength(34);
    const groups = RESOURCES.map((r) => r.group);
    expect(groups[0]).toBe('');
    expect([...groups].sort()).toEqual(groups);
    expect(RESOURCES.slice(0, 3).map((r) => r.plural)).toEqual([
      'configmaps',
      'endpoints',
      'events',
    ]);
  });

  it('derives scope, verbs and names from the OpenAPI paths', () => {
    expect(res('deploy')).toMatchObject({
      kind: 'Deployment',
      group: 'apps',
      version: 'v1',
      apiVersion: 'apps/v1',
      plural: 'deployments',
      singular: 'deployment',
      namespaced: true,
      shortNames: ['deploy'],
      categories: ['all'],
      definition: 'io.k8s.api.apps.v1.Deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    });
    // Namespaces have no deletecollection.
    expect(res('ns').verbs).toEqual([
      'create',
      'delete',
      'get',
      'list',
      'patch',
      'update',
      'watch',
    ]);
    expect(res('no').namespaced).toBe(false);
    expect(res('pv').namespaced).toBe(false);
    expect(res('clusterrole').namespaced).toBe(false);
    expect(res('endpoints').singular).toBe('endpoints');
    expect(res('hpa').apiVersion).toBe('autoscaling/v2');
    expect(res('cm').categories).toEqual([]);
  });
});

describe('findResource', () => {
  it('accepts kinds, plurals, singulars and short names in any case', () => {
    expect(findResource('deploy')?.kind).toBe('Deployment');
    expect(findResource('po')?.kind).toBe('Pod');
    expect(findResource('pods')?.kind).toBe('Pod');
    expect(findResource('pod')?.kind).toBe('Pod');
    expect(findResource('Pod')?.kind).toBe('Pod');
    expect(findResource('PODS')?.kind).toBe('Pod');
    expect(findResource('svc')?.kind).toBe('Service');
    expect(findResource('netpol')?.kind).toBe('NetworkPolicy');
    expect(findResource('quota')?.kind).toBe('ResourceQuota');
    expect(findResource('limits')?.kind).toBe('LimitRange');
    expect(findResource('ev')?.kind).toBe('Event');
  });

  it('accepts group-qualified names', () => {
    expect(findResource('deployments.apps')?.kind).toBe('Deployment');
    expect(findResource('deploy.apps')?.kind).toBe('Deployment');
    expect(findResource('deployments.v1.apps')?.kind).toBe('Deployment');
    expect(findResource('ingresses.networking.k8s.io')?.kind).toBe('Ingress');
    expect(findResource('hpa.autoscaling')?.kind).toBe('HorizontalPodAutoscaler');
  });

  it('rejects unknown names and wrong groups', () => {
    expect(findResource('foo')).toBeUndefined();
    expect(findResource('')).toBeUndefined();
    expect(findResource('pods.apps')).toBeUndefined();
    expect(findResource('deployments.v2.apps')).toBeUndefined();
  });
});

describe('decodeObject: strict decoding', () => {
  const deploy = res('deployment');

  it('accepts a valid object, nulls, IntOrString and Quantity forms', () => {
    expect(decodeObject(deployment(), deploy)).toEqual([]);
    const o = deployment();
    o.metadata.annotations = null;
    o.spec.template.spec.containers[0].args = null;
    o.spec.strategy.rollingUpdate.maxSurge = 1;
    o.spec.template.spec.containers[0].resources.limits.cpu = 0.5;
    o.metadata.creationTimestamp = '2024-05-01T10:00:00Z';
    expect(decodeObject(o, deploy)).toEqual([]);
  });

  it('reports unknown fields in one strict decoding error, with indexes', () => {
    const o = deployment();
    o.spec.replicass = 3;
    o.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
    const errors = decodeObject(o, deploy);
    expect(errors).toEqual([
      { kind: 'unknown', path: 'spec.replicass', message: 'unknown field "spec.replicass"' },
      {
        kind: 'unknown',
        path: 'spec.template.spec.containers[0].imagePullPolicyy',
        message: 'unknown field "spec.template.spec.containers[0].imagePullPolicyy"',
      },
    ]);
    expect(decodeErrorMessage(errors)).toBe(
      'strict decoding error: unknown field "spec.replicass", unknown field "spec.template.spec.containers[0].imagePullPolicyy"',
    );
  });

  it('visits keys sorted, as kubectl marshals them', () => {
    const o = deployment();
    o.zeta = 1;
    o.alpha = 1;
    o.metadata.nam = 'x';
    expect(message(o, deploy)).toBe(
      'strict decoding error: unknown field "alpha", unknown field "metadata.nam", unknown field "zeta"',
    );
  });

  it('is case-sensitive', () => {
    const o = deployment();
    o.spec.Replicas = 2;
    expect(message(o, deploy)).toBe('strict decoding error: unknown field "spec.Replicas"');
  });

  it('reports type mismatches as Go JSON errors', () => {
    const cases: [(o: Obj) => void, string][] = [
      [
        (o) => (o.spec.replicas = 'three'),
        'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      ],
      [
        (o) => (o.spec.replicas = 1.5),
        'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
      ],
      [
        (o) => (o.spec.replicas = 3000000000),
        'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32',
      ],
      [
        (o) => (o.spec.paused = 'yes'),
        'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool',
      ],
      [
        (o) => (o.spec.template.spec.containers = { name: 'web' }),
        'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
      ],
      [
        (o) => (o.spec.template = 'web'),
        'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec',
      ],
      [
        (o) => (o.spec.template.spec.containers[0].image = 1.27),
        'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string',
      ],
      [
        (o) => (o.spec.template.spec.containers[0].command = 'sleep 10'),
        'json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string',
      ],
      [
        (o) => (o.spec.template.spec.containers[0].args = [1]),
        'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.args of type string',
      ],
      [
        (o) => (o.metadata.labels.app = true),
        'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
      ],
      [
        (o) => (o.metadata.labels = ['app']),
        'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
      ],
      // Named Go types (k8s.io/api types.go) show in the message.
      [
        (o) => (o.spec.template.spec.containers[0].imagePullPolicy = 1),
        'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.imagePullPolicy of type v1.PullPolicy',
      ],
      [
        (o) => (o.spec.template.spec.containers[0].resources.limits = '1Gi'),
        'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.template.spec.containers.resources.limits of type v1.ResourceList',
      ],
      [
        (o) => (o.metadata.uid = 7),
        'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.uid of type types.UID',
      ],
      // IntOrString.UnmarshalJSON decodes non-strings into its int32.
      [
        (o) => (o.spec.strategy.rollingUpdate.maxSurge = true),
        'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
      ],
      [
        (o) => (o.spec.strategy.rollingUpdate.maxSurge = 2.5),
        'json: cannot unmarshal number 2.5 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
      ],
      // Quantity.UnmarshalJSON and Time.UnmarshalJSON return their parse errors as they are.
      [
        (o) => (o.spec.template.spec.containers[0].resources.limits.cpu = 'lots'),
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ],
      [
        (o) => (o.spec.template.spec.containers[0].resources.limits.memory = '1K'),
        "unable to parse quantity's suffix",
      ],
      [
        (o) => (o.metadata.creationTimestamp = 'yesterday'),
        'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
      ],
      [
        (o) => (o.metadata.creationTimestamp = 1714557600),
        'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
      ],
    ];
    for (const [mutate, want] of cases) {
      const o = deployment();
      mutate(o);
      expect(message(o, deploy)).toBe(want);
    }
  });

  it('returns only the first type error, which wins over unknown fields', () => {
    const o = deployment();
    o.spec.aaa = 1;
    o.spec.replicas = 'x';
    o.spec.template.spec.containers[0].image = 5;
    const errors = decodeObject(o, deploy);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'type', path: 'spec.replicas' });
  });

  it('lets an UnmarshalJSON error win over an earlier saved error', () => {
    const o = deployment();
    o.spec.paused = 'no'; // saved, decoding continues
    o.spec.template.spec.containers[0].resources.limits.cpu = 'x'; // returned at once
    expect(message(o, deploy)).toMatch(/^quantities must match/);
  });

  it('gives type errors the JSON path of the value', () => {
    const o = deployment();
    o.spec.template.spec.containers[0].ports[0].containerPort = '80';
    expect(decodeObject(o, deploy)[0].path).toBe(
      'spec.template.spec.containers[0].ports[0].containerPort',
    );
  });

  it('decodes []byte fields as base64, like Secret.data', () => {
    const secret = res('secret');
    const s = (data: unknown): Obj => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data,
    });
    expect(decodeObject(s({ password: 'aHVudGVyMg==' }), secret)).toEqual([]);
    expect(message(s({ password: 'hunter2' }), secret)).toBe('illegal base64 data at input byte 4');
    expect(message(s({ password: 42 }), secret)).toBe(
      'json: cannot unmarshal number into Go struct field Secret.data of type []uint8',
    );
    expect(decodeObject(s({ password: 'x' }), secret)[0].path).toBe('data.password');
  });

  it('accepts anything in RawExtension fields', () => {
    const cr = res('controllerrevision');
    const o = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      revision: 1,
      data: { any: ['thing'] },
    };
    expect(decodeObject(o, cr)).toEqual([]);
  });

  it('checks MicroTime with its microsecond layout', () => {
    const lease = res('lease');
    const l = (renewTime: string): Obj => ({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      spec: { renewTime },
    });
    expect(decodeObject(l('2024-05-01T10:00:00.000000Z'), lease)).toEqual([]);
    expect(message(l('2024-05-01T10:00:00Z'), lease)).toBe(
      'parsing time "2024-05-01T10:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    );
  });

  it('names the Go value when the body is not an object', () => {
    expect(message([], deploy)).toBe(
      'json: cannot unmarshal array into Go value of type v1.Deployment',
    );
  });
});

describe('patchMetaFor', () => {
  const deploy = res('deployment');
  const podSpec = ['spec', 'template', 'spec'];

  it('returns the strategic merge patch keys of list fields', () => {
    expect(patchMetaFor(deploy, [...podSpec, 'containers'])).toEqual({
      mergeKey: 'name',
      strategy: 'merge',
      listType: 'map',
      listMapKeys: ['name'],
    });
    expect(patchMetaFor(deploy, [...podSpec, 'containers', 'env'])).toMatchObject({
      mergeKey: 'name',
      strategy: 'merge',
    });
    expect(patchMetaFor(deploy, [...podSpec, 'containers', '0', 'ports'])).toMatchObject({
      mergeKey: 'containerPort',
      strategy: 'merge',
      listMapKeys: ['containerPort', 'protocol'],
    });
    expect(patchMetaFor(deploy, [...podSpec, 'volumes'])).toMatchObject({
      mergeKey: 'name',
      strategy: 'merge,retainKeys',
    });
    expect(patchMetaFor(deploy, [...podSpec, 'containers', 'volumeMounts'])).toMatchObject({
      mergeKey: 'mountPath',
    });
    expect(patchMetaFor(deploy, [...podSpec, 'imagePullSecrets'])).toMatchObject({
      mergeKey: 'name',
    });
    expect(patchMetaFor(deploy, [...podSpec, 'tolerations'])).toEqual({ listType: 'atomic' });
    expect(patchMetaFor(deploy, ['spec', 'strategy'])).toEqual({ strategy: 'retainKeys' });
    expect(patchMetaFor(deploy, ['metadata', 'finalizers'])).toEqual({
      strategy: 'merge',
      listType: 'set',
    });
    expect(patchMetaFor(res('svc'), ['spec', 'ports'])).toMatchObject({ mergeKey: 'port' });
  });

  it('returns {} for plain fields and unknown paths', () => {
    expect(patchMetaFor(deploy, ['spec', 'replicas'])).toEqual({});
    expect(patchMetaFor(deploy, ['spec', 'nope'])).toEqual({});
  });

  it('walks maps and arrays in fieldSchema', () => {
    expect(fieldSchema(deploy, ['metadata', 'labels', 'app'])?.type).toBe('string');
    expect(fieldSchema(deploy, [...podSpec, 'containers', 'name'])?.type).toBe('string');
  });
});

describe('Go scalar parsers', () => {
  it('quantityError follows resource.ParseQuantity', () => {
    for (const ok of [
      '0',
      '1',
      '100m',
      '1.5',
      '.5',
      '1.',
      '-1',
      '+2Gi',
      '128Mi',
      '1e3',
      '1E-2',
      '2k',
      '3M',
      '1Ei',
      '1E',
    ]) {
      expect(quantityError(ok), ok).toBeUndefined();
    }
    const wrong =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    for (const bad of ['', 'abc', '1 Gi', '1.5.5', '1Gix', 'true', '1GB'])
      expect(quantityError(bad), bad).toBe(wrong);
    for (const bad of ['1K', '1Gi2', '1mi', '1e'])
      expect(quantityError(bad), bad).toBe("unable to parse quantity's suffix");
  });

  it('timeParseError follows time.Parse', () => {
    expect(timeParseError(RFC3339, '2024-02-29T23:59:59Z')).toBeUndefined();
    expect(timeParseError(RFC3339, '2024-02-29T23:59:59.123+02:00')).toBeUndefined();
    expect(timeParseError(RFC3339, '2024-13-01T00:00:00Z')).toBe(
      'parsing time "2024-13-01T00:00:00Z": month out of range',
    );
    expect(timeParseError(RFC3339, '2023-02-29T00:00:00Z')).toBe(
      'parsing time "2023-02-29T00:00:00Z": day out of range',
    );
    expect(timeParseError(RFC3339, '2024-01-01 00:00:00Z')).toBe(
      'parsing time "2024-01-01 00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 00:00:00Z" as "T"',
    );
    expect(timeParseError(RFC3339, '2024-01-01')).toBe(
      'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"',
    );
    expect(timeParseError(RFC3339, '2024-01-01T00:00:00')).toBe(
      'parsing time "2024-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"',
    );
    expect(timeParseError(RFC3339, '2024-01-01T00:00:00Zjunk')).toBe(
      'parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk"',
    );
    expect(timeParseError(RFC3339_MICRO, '2024-01-01T00:00:00.123456Z')).toBeUndefined();
  });

  it('base64Error follows base64.StdEncoding.Decode', () => {
    expect(base64Error('')).toBeUndefined();
    expect(base64Error('YWJj')).toBeUndefined();
    expect(base64Error('YQ==')).toBeUndefined();
    expect(base64Error('YWI=')).toBeUndefined();
    expect(base64Error('YW\nJj')).toBeUndefined();
    expect(base64Error('YWJ')).toBe('illegal base64 data at input byte 0');
    expect(base64Error('hunter2')).toBe('illegal base64 data at input byte 4');
    expect(base64Error('a b=')).toBe('illegal base64 data at input byte 1');
    expect(base64Error('YQ=')).toBe('illegal base64 data at input byte 3');
    expect(base64Error('YQ==YQ==')).toBe('illegal base64 data at input byte 4');
  });
});
