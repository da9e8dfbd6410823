import { describe, expect, it } from 'vitest';
import { explain } from './explain';
import { RESOURCES } from './generated/resources';
import { wrapString, indent } from './schema/wordwrap';

// The expected texts are kubectl v1.32.4's output for the same OpenAPI definitions, served as
// OpenAPI v3 by a stub API server, byte for byte.

function text(path: string, opts: { recursive?: boolean; apiVersion?: string } = {}): string {
  const r = explain(path, opts);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

function error(path: string, opts: { recursive?: boolean; apiVersion?: string } = {}): string {
  const r = explain(path, opts);
  if (r.ok) throw new Error(`expected an error for ${path}`);
  return r.error;
}

const lines = (...l: string[]): string => l.join('\n');

describe('explain', () => {
  it('explains a scalar field', () => {
    expect(text('deployment.spec.replicas')).toBe(
      lines(
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: replicas <integer>',
        '',
        '',
        'DESCRIPTION:',
        '    Number of desired pods. This is a pointer to distinguish between explicit',
        '    zero and not specified. Defaults to 1.',
        '    ',
        '',
        '',
      ),
    );
  });

  it('explains an object field: both descriptions, then its fields', () => {
    expect(text('deploy.spec.strategy')).toBe(
      lines(
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    The deployment strategy to use to replace existing pods with new ones.',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '',
        '  type\t<string>',
        '  enum: Recreate, RollingUpdate',
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '    RollingUpdate.',
        '    ',
        '    Possible enum values:',
        '     - `"Recreate"` Kill all existing pods before creating new ones.',
        '     - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling',
        '    update i.e gradually scale down the old ReplicaSets and scale up the new',
        '    one.',
        '',
        '',
        '',
      ),
    );
  });

  it('prints list fields with -required- markers', () => {
    const out = text('rolebinding.subjects');
    expect(out).toContain('FIELD: subjects <[]Subject>\n');
    expect(out).toContain('  kind\t<string> -required-\n');
    expect(out).toContain('  apiGroup\t<string>\n');
  });

  it('prints the nested tree with --recursive', () => {
    expect(text('pods.spec.containers.resources', { recursive: true })).toBe(
      lines(
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: resources <ResourceRequirements>',
        '',
        '',
        'DESCRIPTION:',
        '    Compute Resources required by this container. Cannot be updated. More info:',
        '    https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
        '    ResourceRequirements describes the compute resource requirements.',
        '    ',
        'FIELDS:',
        '  claims\t<[]ResourceClaim>',
        '    name\t<string> -required-',
        '    request\t<string>',
        '  limits\t<map[string]Quantity>',
        '  requests\t<map[string]Quantity>',
        '',
        '',
      ),
    );
    const deploy = text('deployment', { recursive: true });
    expect(deploy).toContain('  metadata\t<ObjectMeta>\n    annotations\t<map[string]string>\n');
    expect(deploy).toContain('\n      fieldsV1\t<FieldsV1>\n');
  });

  it('names kinds without a GROUP line for the core group', () => {
    const pod = text('pods');
    expect(pod.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true);
    expect(pod).toContain(
      '  spec\t<PodSpec>\n    Specification of the desired behavior of the pod. More info:\n',
    );
  });

  it('prints IntOrString, Quantity and Time the way the v3 schema types them', () => {
    expect(text('svc.spec.ports.targetPort')).toContain('FIELD: targetPort <IntOrString>\n');
    expect(text('pods.spec.overhead')).toContain('FIELD: overhead <map[string]Quantity>\n');
    expect(text('pods.metadata')).toContain('  creationTimestamp\t<string>\n');
    expect(text('controllerrevision')).toContain('  data\t<RawExtension>\n');
  });

  it('accepts any resource form and a trailing period', () => {
    const base = text('deployment.spec.replicas');
    expect(text('deployments.spec.replicas')).toBe(base);
    expect(text('deploy.spec.replicas')).toBe(base);
    expect(text('Deployment.spec.replicas')).toBe(base);
    expect(text('deployments.apps.spec.replicas')).toBe(base);
    expect(text('deployment.spec.replicas.')).toBe(base);
    for (const r of RESOURCES) expect(explain(r.plural).ok).toBe(true);
  });

  it('reports unknown resources and fields as kubectl does', () => {
    expect(error('foo')).toBe('the server doesn\'t have a resource type "foo"');
    expect(error('deployment.spec.replicass')).toBe('error: field "replicass" does not exist');
    // kubectl names the last element of the path, whichever is missing.
    expect(error('deployment.spec.foo.bar')).toBe('error: field "bar" does not exist');
    expect(error('deployment.spec.replicas.foo')).toBe('error: field "foo" does not exist');
    // `deployment.apps` is not the group-qualified resource (`deployments.apps`): apps is a field.
    expect(error('deployment.apps.spec')).toBe('error: field "spec" does not exist');
  });

  it('honours --api-version', () => {
    expect(text('deployment', { apiVersion: 'apps/v1' })).toBe(text('deployment'));
    expect(error('deployment', { apiVersion: 'apps/v2' })).toBe(
      'error: couldn\'t find resource for "apps/v2, Resource=deployments"',
    );
    expect(error('deployment', { apiVersion: 'v1' })).toBe(
      'error: GVR (/v1, Resource=deployments) not found in OpenAPI schema',
    );
  });
});

describe('wrapString (go-wordwrap)', () => {
  it('breaks at spaces within the limit and keeps newlines', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('aaa\nbbb ccc', 7)).toBe('aaa\nbbb ccc');
    expect(wrapString('a\n', 7)).toBe('a\n');
  });

  it('does not split long words', () => {
    expect(wrapString('see https://example.com/a/very/long/path ok', 10)).toBe(
      'see\nhttps://example.com/a/very/long/path\nok',
    );
  });

  it('indents every line', () => {
    expect(indent(4, 'a\nb\n')).toBe('    a\n    b\n    ');
  });
});
