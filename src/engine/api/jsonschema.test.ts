import { describe, expect, it } from 'vitest';
import { RESOURCES } from './generated/resources';
import {
  allJsonSchemas,
  BASE64_PATTERN,
  manifestJsonSchema,
  QUANTITY_PATTERN,
  toJsonSchema,
  type JsonSchema,
} from './jsonschema';
import { findResource, type ResourceInfo } from './schema';
import { base64Error, quantityError } from './schema/goscalars';

function res(name: string): ResourceInfo {
  const r = findResource(name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
}

function def(schema: JsonSchema, name: string): JsonSchema {
  const d = schema.definitions?.[name];
  if (!d) throw new Error(`no definition ${name}`);
  return d;
}

/** Every $ref in the schema, with where it was found. */
function refs(s: unknown, out: string[] = []): string[] {
  if (Array.isArray(s)) for (const x of s) refs(x, out);
  else if (s && typeof s === 'object') {
    for (const [k, v] of Object.entries(s)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('toJsonSchema', () => {
  const schema = toJsonSchema(res('deployment'));

  it('is a draft-07 schema pinned to the kind', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('kubeplay://schemas/apps/v1/Deployment.json');
    expect(schema.properties?.apiVersion).toMatchObject({ type: 'string', enum: ['apps/v1'] });
    expect(schema.properties?.kind).toMatchObject({ type: 'string', enum: ['Deployment'] });
    expect(schema.required).toEqual(['apiVersion', 'kind']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.description).toBe(
      'Deployment enables declarative updates for Pods and ReplicaSets.',
    );
  });

  it('refers to definitions it contains, with descriptions beside the $ref', () => {
    for (const ref of refs(schema)) {
      expect(ref.startsWith('#/definitions/')).toBe(true);
      def(schema, ref.slice('#/definitions/'.length));
    }
    expect(schema.properties?.spec).toEqual({
      $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec',
      description: 'Specification of the desired behavior of the Deployment.',
      markdownDescription: 'Specification of the desired behavior of the Deployment.',
    });
    // Only what a Deployment reaches: no Service types.
    expect(schema.definitions?.['io.k8s.api.core.v1.ServiceSpec']).toBeUndefined();
  });

  it('closes typed objects and keeps the OpenAPI types', () => {
    const spec = def(schema, 'io.k8s.api.apps.v1.DeploymentSpec');
    expect(spec.additionalProperties).toBe(false);
    expect(spec.required).toEqual(['selector', 'template']);
    expect(spec.properties?.replicas).toMatchObject({
      type: ['integer', 'null'],
      minimum: -2147483648,
      maximum: 2147483647,
    });
    expect(spec.properties?.paused?.type).toEqual(['boolean', 'null']);
    const meta = def(schema, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(meta.properties?.labels).toMatchObject({
      type: ['object', 'null'],
      additionalProperties: { type: ['string', 'null'] },
    });
    const container = def(schema, 'io.k8s.api.core.v1.Container');
    expect(container.properties?.command).toMatchObject({
      type: ['array', 'null'],
      items: { type: ['string', 'null'] },
    });
  });

  it('types IntOrString, Quantity and Time by their JSON forms', () => {
    expect(def(schema, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString').anyOf).toEqual([
      { type: 'integer' },
      { type: 'string' },
    ]);
    expect(def(schema, 'io.k8s.apimachinery.pkg.api.resource.Quantity').anyOf).toEqual([
      { type: 'string', pattern: QUANTITY_PATTERN },
      { type: 'number' },
    ]);
    expect(def(schema, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time')).toMatchObject({
      type: ['string', 'null'],
      format: 'date-time',
    });
  });

  it('checks base64 in []byte fields', () => {
    const secret = toJsonSchema(res('secret'));
    expect(secret.properties?.data).toMatchObject({
      additionalProperties: { contentEncoding: 'base64', pattern: BASE64_PATTERN },
    });
  });
});

describe('patterns agree with the Go parsers', () => {
  it('QUANTITY_PATTERN accepts what ParseQuantity accepts', () => {
    const re = new RegExp(QUANTITY_PATTERN);
    const samples = [
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
      '1Ei',
      '1E',
    ];
    const bad = ['', 'abc', '1 Gi', '1.5.5', '1Gix', '1K', '1GB', '1mi', '1e', '1Gi2', 'Mi'];
    for (const s of [...samples, ...bad])
      expect(re.test(s), s).toBe(quantityError(s) === undefined);
  });

  it('BASE64_PATTERN accepts what base64.StdEncoding accepts', () => {
    const re = new RegExp(BASE64_PATTERN);
    const samples = [
      '',
      'YWJj',
      'YQ==',
      'YWI=',
      'YW\nJj',
      'YWJ',
      'hunter2',
      'a b=',
      'YQ=',
      'YQ==YQ==',
      'YWJj\n',
    ];
    for (const s of samples)
      expect(re.test(s), JSON.stringify(s)).toBe(base64Error(s) === undefined);
  });
});

describe('allJsonSchemas', () => {
  it('has one schema per resource', () => {
    const all = allJsonSchemas();
    expect(all).toHaveLength(RESOURCES.length);
    expect(all.map((s) => s.uri)).toContain('kubeplay://schemas/v1/Pod.json');
    const hpa = all.find((s) => s.kind === 'HorizontalPodAutoscaler');
    expect(hpa).toMatchObject({
      uri: 'kubeplay://schemas/autoscaling/v2/HorizontalPodAutoscaler.json',
      apiVersion: 'autoscaling/v2',
    });
    expect(allJsonSchemas()).toBe(all);
  });

  it('manifestJsonSchema selects each kind by apiVersion and kind', () => {
    const m = manifestJsonSchema();
    expect(m.allOf).toHaveLength(RESOURCES.length);
    for (const ref of refs(m)) {
      expect(m.definitions?.[ref.slice('#/definitions/'.length)], ref).toBeDefined();
    }
  });
});

// Validates documents with Ajv (draft-07) when it is installed; it is not a dependency of ours.
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
interface AjvLike {
  compile(schema: object): Validate;
}
async function loadAjv(): Promise<AjvLike | undefined> {
  const name = 'ajv';
  try {
    const mod = (await import(/* @vite-ignore */ name)) as { default: new (o: object) => AjvLike };
    return new mod.default({ allErrors: true, unknownFormats: 'ignore' });
  } catch {
    return undefined;
  }
}
const ajv = await loadAjv();

describe.skipIf(!ajv)('validation with a draft-07 validator', () => {
  const validate = (r: string, doc: unknown): boolean =>
    (ajv as AjvLike).compile(toJsonSchema(res(r)))(doc);
  const deployment = (): Record<string, unknown> => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: null },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'web', image: 'nginx', resources: { limits: { cpu: '500m', memory: 1e9 } } },
          ],
        },
      },
    },
  });

  it('accepts a valid Deployment', () => {
    expect(validate('deployment', deployment())).toBe(true);
  });

  it('rejects misspelled fields, wrong types and foreign kinds', () => {
    const typo = deployment();
    (typo.spec as Record<string, unknown>).replicass = 2;
    expect(validate('deployment', typo)).toBe(false);
    const wrongType = deployment();
    (wrongType.spec as Record<string, unknown>).replicas = 'two';
    expect(validate('deployment', wrongType)).toBe(false);
    expect(validate('deployment', { ...deployment(), kind: 'Pod' })).toBe(false);
  });

  it('dispatches on kind in the manifest schema', () => {
    const v = (ajv as AjvLike).compile(manifestJsonSchema());
    expect(v(deployment())).toBe(true);
    expect(
      v({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }),
    ).toBe(true);
    expect(
      v({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 1 } }),
    ).toBe(false);
    expect(v({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, dta: {} })).toBe(
      false,
    );
  });
});
