import { describe, expect, it } from 'vitest';
import { buildRootSchema } from './schema';

describe('buildRootSchema', () => {
  const deployment = {
    uri: 'kubeplay://schemas/apps/v1/Deployment.json',
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    schema: {
      $schema: 'x',
      type: 'object',
      properties: { metadata: { $ref: '#/definitions/meta' } },
      definitions: { meta: { type: 'object' } },
    },
  };
  const pod = {
    uri: 'kubeplay://schemas/v1/Pod.json',
    kind: 'Pod',
    apiVersion: 'v1',
    schema: {
      type: 'object',
      properties: { spec: { type: 'object' } },
      definitions: { meta: { type: 'object' } },
    },
  };
  const scenario = {
    type: 'object',
    properties: { cluster: { $ref: '#/definitions/node' } },
    definitions: { node: { type: 'object' } },
  };

  it('dispatches on kind and apiVersion per document', () => {
    const root = buildRootSchema([deployment, pod], scenario) as {
      allOf: { if: { properties: Record<string, { const: string }> } }[];
    };
    expect(
      root.allOf.map(
        (b) => `${b.if.properties.kind.const}/${b.if.properties.apiVersion?.const ?? ''}`,
      ),
    ).toEqual(['Scenario/', 'Deployment/apps/v1', 'Pod/v1']);
  });

  it('merges definitions and keeps the scenario ones apart', () => {
    const root = buildRootSchema([deployment, pod], scenario) as {
      definitions: Record<string, unknown>;
      allOf: { then: Record<string, unknown> }[];
    };
    expect(Object.keys(root.definitions).sort()).toEqual(['kubeplay.scenario.node', 'meta']);
    expect(JSON.stringify(root.allOf[0].then)).toContain('#/definitions/kubeplay.scenario.node');
    expect(root.allOf[1].then).not.toHaveProperty('definitions');
    expect(root.allOf[1].then).not.toHaveProperty('$schema');
  });
});
