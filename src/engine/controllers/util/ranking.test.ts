import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../clock';
import { podsToDelete } from './ranking';

const NOW = Date.parse('2026-01-05T10:00:00Z');
const ago = (s: number) => rfc3339(NOW - s * 1000);

function pod(
  name: string,
  o: {
    node?: string;
    phase?: string;
    ready?: boolean;
    readySince?: number;
    cost?: number;
    restarts?: number;
    created?: number;
  } = {},
): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: ago(o.created ?? 3600),
      ...(o.cost !== undefined
        ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': String(o.cost) } }
        : {}),
    },
    spec: { ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [
        {
          type: 'Ready',
          status: o.ready === false ? 'False' : 'True',
          lastTransitionTime: ago(o.readySince ?? 1800),
        },
      ],
      containerStatuses: [{ restartCount: o.restarts ?? 0 }],
    },
  };
}

describe('getPodsToDelete ranking (ActivePodsWithRanks.Less)', () => {
  it.each([
    { why: 'unscheduled before scheduled', first: pod('a'), second: pod('b', { node: 'n1' }) },
    {
      why: 'Pending before Running',
      first: pod('a', { node: 'n1', phase: 'Pending' }),
      second: pod('b', { node: 'n2' }),
    },
    {
      why: 'Unknown before Running',
      first: pod('a', { node: 'n1', phase: 'Unknown' }),
      second: pod('b', { node: 'n2' }),
    },
    {
      why: 'not ready before ready',
      first: pod('a', { node: 'n1', ready: false }),
      second: pod('b', { node: 'n2' }),
    },
    {
      why: 'lower deletion cost first',
      first: pod('a', { node: 'n1', cost: -5 }),
      second: pod('b', { node: 'n2', cost: 10 }),
    },
    {
      why: 'ready for less time first (log2 buckets)',
      first: pod('a', { node: 'n1', readySince: 10 }),
      second: pod('b', { node: 'n2', readySince: 5000 }),
    },
    {
      why: 'more restarts first',
      first: pod('a', { node: 'n1', restarts: 3 }),
      second: pod('b', { node: 'n2' }),
    },
    {
      why: 'newer first',
      first: pod('a', { node: 'n1', created: 60 }),
      second: pod('b', { node: 'n2', created: 86400 }),
    },
  ])('$why', ({ first, second }) => {
    expect(podsToDelete([second, first], [], 1, NOW).map((p) => p.metadata.name)).toEqual([
      first.metadata.name,
    ]);
    expect(podsToDelete([first, second], [], 1, NOW).map((p) => p.metadata.name)).toEqual([
      first.metadata.name,
    ]);
  });

  it('prefers pods doubled up on a node with related pods', () => {
    const a = pod('a', { node: 'n1' });
    const b = pod('b', { node: 'n2' });
    const related = [a, b, pod('c', { node: 'n2' })];
    expect(podsToDelete([a, b], related, 1, NOW)[0].metadata.name).toBe('b');
  });

  it('same log2 bucket of ready time falls back to uid', () => {
    const a = pod('a', { node: 'n1', readySince: 1000 });
    const b = pod('b', { node: 'n2', readySince: 1001 });
    expect(podsToDelete([b, a], [], 1, NOW)[0].metadata.name).toBe('a');
  });
});
