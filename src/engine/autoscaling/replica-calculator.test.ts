import { describe, expect, it } from 'vitest';
import { getResourceReplicas, type PodMetric } from './replica-calculator';
import type { KObject } from '../api/types';
import { rfc3339 } from '../clock';

const NOW = Date.parse('2026-01-05T10:00:00Z');

function pod(
  name: string,
  opts: { phase?: string; ready?: boolean; request?: string | null } = {},
): KObject {
  const started = rfc3339(NOW - 600_000);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: name,
      resourceVersion: '1',
      creationTimestamp: started,
    },
    spec: {
      containers: [
        {
          name: 'app',
          resources: opts.request === null ? {} : { requests: { cpu: opts.request ?? '100m' } },
        },
      ],
    },
    status: {
      phase: opts.phase ?? 'Running',
      startTime: started,
      conditions: [
        {
          type: 'Ready',
          status: opts.ready === false ? 'False' : 'True',
          lastTransitionTime: rfc3339(NOW - 590_000),
        },
      ],
    },
  };
}

const m = (value: number): PodMetric => ({ value, timestamp: NOW, windowMs: 15_000 });

describe('getResourceReplicas (replica_calculator.go)', () => {
  it.each([
    // name, pods, usage (millicores per pod, undefined = no metric), current, target, expected
    [
      'scales up to ceil(ratio × ready pods): 90% of a 50% target',
      ['a', 'b', 'c'],
      [90, 90, 90],
      3,
      50,
      6,
    ],
    ['stays within the 0.1 tolerance: 52% of 50%', ['a', 'b', 'c'], [52, 55, 50], 3, 50, 3],
    ['scales down: 10% of 50% over 4 pods', ['a', 'b', 'c', 'd'], [10, 10, 10, 10], 4, 50, 1],
    ['missing metrics count as 100% on scale-down', ['a', 'b', 'c'], [10, 10, undefined], 3, 50, 3],
    ['missing metrics count as 0% on scale-up', ['a', 'b', 'c'], [100, 100, undefined], 3, 50, 4],
  ])('%s', (_n, names, usage, current, target, expected) => {
    const pods = names.map((n) => pod(n));
    const metrics: Record<string, PodMetric> = {};
    usage.forEach((u, i) => {
      if (u !== undefined) metrics[names[i]] = m(u);
    });
    const r = getResourceReplicas({
      currentReplicas: current,
      targetUtilization: target,
      resource: 'cpu',
      pods,
      metrics,
      now: NOW,
    });
    expect(r.ok && r.replicas).toBe(expected);
  });

  it('counts pending pods as using nothing on a scale-up', () => {
    const pods = [pod('a'), pod('b'), pod('c', { phase: 'Pending' })];
    const r = getResourceReplicas({
      currentReplicas: 3,
      targetUtilization: 50,
      resource: 'cpu',
      pods,
      metrics: { a: m(100), b: m(100) },
      now: NOW,
    });
    // Ratio 2.0 over the ready pods; the pending pod counted at 0%: 200m of 300m → ratio 1.32 → ceil(3.96) = 4.
    expect(r).toEqual({ ok: true, replicas: 4, utilization: 100, rawUtilization: 100 });
  });

  it('ignores a sample taken before a full metric window of readiness (CPU initialisation)', () => {
    const fresh = pod('c');
    fresh.status.startTime = rfc3339(NOW - 20_000);
    fresh.status.conditions[0].lastTransitionTime = rfc3339(NOW - 5_000);
    const r = getResourceReplicas({
      currentReplicas: 3,
      targetUtilization: 50,
      resource: 'cpu',
      pods: [pod('a'), pod('b'), fresh],
      metrics: { a: m(50), b: m(50), c: m(500) },
      now: NOW,
    });
    expect(r).toEqual({ ok: true, replicas: 3, utilization: 50, rawUtilization: 50 });
  });

  it.each([
    [
      'no metrics at all',
      [pod('a')],
      {},
      'unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    ],
    [
      'a container without a request',
      [pod('a', { request: null })],
      { a: m(10) },
      'missing request for cpu in container app of Pod a',
    ],
    [
      'only unready pods',
      [pod('a', { phase: 'Pending' })],
      { a: m(10) },
      'did not receive metrics for targeted pods (pods might be unready)',
    ],
  ])('fails with %s', (_n, pods, metrics, error) => {
    expect(
      getResourceReplicas({
        currentReplicas: 1,
        targetUtilization: 50,
        resource: 'cpu',
        pods,
        metrics,
        now: NOW,
      }),
    ).toEqual({ ok: false, error });
  });
});
