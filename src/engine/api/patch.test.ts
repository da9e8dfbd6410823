import { describe, expect, it } from 'vitest';
import {
  jsonMergePatch,
  jsonPatch,
  PatchError,
  strategicMergePatch,
  threeWayMergePatch,
} from './patch';
import { findResource } from './schema';

describe('JSON merge patch (RFC 7386 appendix A)', () => {
  const cases: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  it.each(cases)('%j + %j', (target, patch, want) => {
    expect(jsonMergePatch(target, patch)).toEqual(want);
  });
});

describe('JSON patch (RFC 6902 appendix A)', () => {
  const cases: [string, unknown, unknown[], unknown][] = [
    [
      'add object member',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz', value: 'qux' }],
      { baz: 'qux', foo: 'bar' },
    ],
    [
      'add array element',
      { foo: ['bar', 'baz'] },
      [{ op: 'add', path: '/foo/1', value: 'qux' }],
      { foo: ['bar', 'qux', 'baz'] },
    ],
    [
      'remove object member',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'remove', path: '/baz' }],
      { foo: 'bar' },
    ],
    [
      'remove array element',
      { foo: ['bar', 'qux', 'baz'] },
      [{ op: 'remove', path: '/foo/1' }],
      { foo: ['bar', 'baz'] },
    ],
    [
      'replace',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'replace', path: '/baz', value: 'boo' }],
      { baz: 'boo', foo: 'bar' },
    ],
    [
      'move',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    [
      'move array element',
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
      { foo: ['all', 'cows', 'eat', 'grass'] },
    ],
    [
      'add nested member',
      { foo: 'bar' },
      [{ op: 'add', path: '/child', value: { grandchild: {} } }],
      { foo: 'bar', child: { grandchild: {} } },
    ],
    [
      'add to end',
      { foo: ['bar'] },
      [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
      { foo: ['bar', ['abc', 'def']] },
    ],
    ['~1 escape', { 'a/b': 1 }, [{ op: 'replace', path: '/a~1b', value: 2 }], { 'a/b': 2 }],
    [
      'test passes',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
  ];
  it.each(cases)('%s', (_n, doc, ops, want) => {
    expect(jsonPatch(doc, ops as never)).toEqual(want);
  });

  const errors: [string, unknown, unknown[], string][] = [
    [
      'test fails',
      { baz: 'qux' },
      [{ op: 'test', path: '/baz', value: 'bar' }],
      'testing value /baz failed: test failed',
    ],
    [
      'add to missing parent',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz/bat', value: 'qux' }],
      'add operation does not apply: doc is missing path: "/baz/bat": missing value',
    ],
    [
      'replace missing key',
      { foo: 'bar' },
      [{ op: 'replace', path: '/spec', value: 1 }],
      'replace operation does not apply: doc is missing key: /spec: missing value',
    ],
  ];
  it.each(errors)('%s', (_n, doc, ops, msg) => {
    expect(() => jsonPatch(doc, ops as never)).toThrow(PatchError);
    expect(() => jsonPatch(doc, ops as never)).toThrow(msg);
  });
});

describe('strategic merge patch', () => {
  const deploy = findResource('deployment')!;
  const base = {
    spec: {
      replicas: 1,
      template: {
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.14', ports: [{ containerPort: 80 }] },
            { name: 'sidecar', image: 'busybox' },
          ],
        },
      },
    },
  };

  it('merges containers by name', () => {
    const out = strategicMergePatch(
      base,
      { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.16' }] } } } },
      deploy,
    ) as typeof base;
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'web', image: 'nginx:1.16', ports: [{ containerPort: 80 }] },
      { name: 'sidecar', image: 'busybox' },
    ]);
  });

  it('appends a container with a new name', () => {
    const out = strategicMergePatch(
      base,
      { spec: { template: { spec: { containers: [{ name: 'log', image: 'fluentd' }] } } } },
      deploy,
    ) as typeof base;
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['web', 'sidecar', 'log']);
  });

  it('$patch: delete removes a list item by merge key', () => {
    const out = strategicMergePatch(
      base,
      { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } },
      deploy,
    ) as typeof base;
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['web']);
  });

  it('null deletes a field; scalars replace', () => {
    expect(strategicMergePatch({ a: 1, b: 2 }, { a: null, b: 3 })).toEqual({ b: 3 });
  });

  it('lists without a merge key are replaced', () => {
    const out = strategicMergePatch(
      base,
      {
        spec: {
          template: { spec: { containers: [{ name: 'web', ports: [{ containerPort: 8080 }] }] } },
        },
      },
      deploy,
    ) as typeof base;
    // ports merge on containerPort: the new port is added to the existing one
    expect(out.spec.template.spec.containers[0].ports).toEqual([
      { containerPort: 80 },
      { containerPort: 8080 },
    ]);
    const args = strategicMergePatch(
      { spec: { template: { spec: { containers: [{ name: 'a', args: ['x', 'y'] }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'a', args: ['z'] }] } } } },
      deploy,
    ) as {
      spec: { template: { spec: { containers: { args: string[] }[] } } };
    };
    expect(args.spec.template.spec.containers[0].args).toEqual(['z']);
  });
});

describe('three-way merge patch (kubectl apply)', () => {
  const deploy = findResource('deployment')!;
  it('removes fields dropped from the configuration and sets changed ones', () => {
    const original = { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { replicas: 2 } };
    const modified = { metadata: { labels: { app: 'web' } }, spec: { replicas: 3 } };
    const current = {
      metadata: { labels: { app: 'web', tier: 'fe', extra: 'x' } },
      spec: { replicas: 2, paused: false },
    };
    expect(threeWayMergePatch(original, modified, current, deploy)).toEqual({
      metadata: { labels: { tier: null } },
      spec: { replicas: 3 },
    });
  });
  it('is empty when nothing changed', () => {
    const cfg = { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } } };
    const live = {
      spec: {
        template: {
          spec: { containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'Always' }] },
        },
      },
    };
    expect(threeWayMergePatch(cfg, cfg, live, deploy)).toEqual({});
  });
  it('deletes a container removed from the configuration', () => {
    const original = {
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'a', image: 'x' },
              { name: 'b', image: 'y' },
            ],
          },
        },
      },
    };
    const modified = { spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }] } } } };
    expect(threeWayMergePatch(original, modified, original, deploy)).toEqual({
      spec: { template: { spec: { containers: [{ name: 'b', $patch: 'delete' }] } } },
    });
  });
});
