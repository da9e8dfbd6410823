import { describe, expect, it } from 'vitest';
import { defaultNormalizeScore, type NodeScore } from '../framework';
import { prioritizeNodes } from '../algorithm';
import { leastAllocatedScore, leastRequestedScore } from './noderesourcesfit';
import { balancedResourceScore } from './balancedallocation';
import { imageLocalityPriority, MAX_CONTAINER_THRESHOLD, MIN_THRESHOLD } from './imagelocality';
import { SCORE_PLUGINS } from '.';
import { context, node, pod } from './fixtures';

const MB = 1024 * 1024;

describe('NodeResourcesFit LeastAllocated (least_allocated_test.go "differently sized machines")', () => {
  it.each([
    // Node1: cpu (4000-3000)*100/4000 = 25, memory (10000-5000)*100/10000 = 50, (25+50)/2 = 37.
    { alloc: { cpu: 4000, memory: 10000 }, req: { cpu: 3000, memory: 5000 }, want: 37 },
    // Node2: cpu 50, memory 50.
    { alloc: { cpu: 6000, memory: 10000 }, req: { cpu: 3000, memory: 5000 }, want: 50 },
    { alloc: { cpu: 4000, memory: 10000 }, req: { cpu: 0, memory: 0 }, want: 100 },
    // Over capacity scores 0 for that resource.
    { alloc: { cpu: 4000, memory: 10000 }, req: { cpu: 5000, memory: 0 }, want: 50 },
  ])('$req on $alloc → $want', ({ alloc, req, want }) => {
    expect(leastAllocatedScore(req, alloc)).toBe(want);
  });

  it('uses integer division per resource', () => {
    expect(leastRequestedScore(1, 3)).toBe(66);
  });

  it('counts 100m / 200Mi for containers without requests (non-zero defaults)', () => {
    const n = node('a', { cpu: '4', memory: '8Gi' });
    const ctx = context(pod('p'), [n, node('b')], [pod('x', { nodeName: 'a' })]);
    const [a] = prioritizeNodes(
      ctx,
      ctx.snapshot.nodes,
      SCORE_PLUGINS.filter((p) => p.name === 'NodeResourcesFit'),
    );
    // cpu (4000-200)*100/4000 = 95; memory: allocatable 8Gi-100Mi = 8092Mi, (8092-400)*100/8092 = 95.
    expect(a.plugins.NodeResourcesFit).toBe(95);
  });
});

describe('NodeResourcesBalancedAllocation (balanced_allocation_test.go)', () => {
  it.each([
    // cpu 3000/4000 = 0.75, memory 5000/10000 = 0.5, std 0.125 → 87.
    { alloc: { cpu: 4000, memory: 10000 }, req: { cpu: 3000, memory: 5000 }, want: 87 },
    { alloc: { cpu: 6000, memory: 10000 }, req: { cpu: 3000, memory: 5000 }, want: 100 },
    // fractions are capped at 1: cpu 1, memory 0 → std 0.5 → 50.
    { alloc: { cpu: 4000, memory: 10000 }, req: { cpu: 8000, memory: 0 }, want: 50 },
  ])('$req on $alloc → $want', ({ alloc, req, want }) => {
    expect(balancedResourceScore(req, alloc)).toBe(want);
  });

  it('is skipped for best-effort pods', () => {
    const ctx = context(pod('p'), [node('a'), node('b')]);
    const [a] = prioritizeNodes(ctx, ctx.snapshot.nodes, SCORE_PLUGINS);
    expect(a.plugins).not.toHaveProperty('NodeResourcesBalancedAllocation');
  });
});

describe('ImageLocality (image_locality.go calculatePriority)', () => {
  it.each([
    { sum: 0, containers: 1, want: 0 },
    { sum: MIN_THRESHOLD, containers: 1, want: 0 },
    { sum: MAX_CONTAINER_THRESHOLD, containers: 1, want: 100 },
    // 250 MB on 1 of 4 nodes: 62.5 MB → 100 × 39.5 / 977 = 4.
    { sum: Math.trunc(250 * MB * 0.25), containers: 1, want: 4 },
    { sum: 2000 * MB, containers: 2, want: 100 },
  ])('sum $sum with $containers container(s) → $want', ({ sum, containers, want }) => {
    expect(imageLocalityPriority(sum, containers)).toBe(want);
  });

  it('scales by the spread of the image across nodes', () => {
    const img = { names: ['docker.io/library/big:1'], sizeBytes: 800 * MB };
    const a = node('a');
    a.status.images = [img];
    const ctx = context(pod('p', { image: 'docker.io/library/big:1' }), [a, node('b')]);
    const scores = prioritizeNodes(
      ctx,
      ctx.snapshot.nodes,
      SCORE_PLUGINS.filter((p) => p.name === 'ImageLocality'),
    );
    // 800 MB × 1/2 = 400 MB → 100 × (400 − 23) / 977 = 38.
    expect(scores.map((s) => s.plugins.ImageLocality)).toEqual([38, 0]);
  });
});

describe('DefaultNormalizeScore and TaintToleration scoring', () => {
  it.each([
    { reverse: false, raw: [0, 5, 10], want: [0, 50, 100] },
    { reverse: true, raw: [0, 1, 3], want: [100, 67, 0] },
    { reverse: true, raw: [0, 0], want: [100, 100] },
  ])('reverse=$reverse $raw → $want', ({ reverse, raw, want }) => {
    const scores: NodeScore[] = raw.map((score, i) => ({ name: String(i), score }));
    defaultNormalizeScore(100, reverse, scores);
    expect(scores.map((s) => s.score)).toEqual(want);
  });

  it('weights TaintToleration by 3 and prefers nodes without PreferNoSchedule taints', () => {
    const ctx = context(pod('p'), [
      node('a', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }),
      node('b'),
    ]);
    const scores = prioritizeNodes(ctx, ctx.snapshot.nodes, SCORE_PLUGINS);
    expect(scores.map((s) => s.plugins.TaintToleration)).toEqual([0, 300]);
  });

  it('NodeAffinity preferred terms: weight 2 after normalising to 100', () => {
    const p = pod('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 10,
                preference: {
                  matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }],
                },
              },
            ],
          },
        },
      },
    });
    const ctx = context(p, [node('a', { labels: { disk: 'ssd' } }), node('b')]);
    expect(
      prioritizeNodes(ctx, ctx.snapshot.nodes, SCORE_PLUGINS).map((s) => s.plugins.NodeAffinity),
    ).toEqual([200, 0]);
  });

  it('PodTopologySpread ScheduleAnyway favours the emptier domain', () => {
    const p = pod('p', {
      labels: { app: 'web' },
      spec: {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: { app: 'web' } },
          },
        ],
      },
    });
    const ctx = context(
      p,
      [node('a'), node('b')],
      [
        pod('w1', { nodeName: 'a', labels: { app: 'web' } }),
        pod('w2', { nodeName: 'a', labels: { app: 'web' } }),
      ],
    );
    // raw: a = round(2 × ln 4) = 3, b = 0; normalised 100 × (3 + 0 − s) / 3 → a 0, b 100; weight 2.
    expect(
      prioritizeNodes(ctx, ctx.snapshot.nodes, SCORE_PLUGINS).map(
        (s) => s.plugins.PodTopologySpread,
      ),
    ).toEqual([0, 200]);
  });

  it('InterPodAffinity preferred anti-affinity pushes away from matching pods', () => {
    const p = pod('p', {
      spec: {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                podAffinityTerm: {
                  labelSelector: { matchLabels: { app: 'web' } },
                  topologyKey: 'kubernetes.io/hostname',
                },
              },
            ],
          },
        },
      },
    });
    const ctx = context(
      p,
      [node('a'), node('b')],
      [pod('w1', { nodeName: 'a', labels: { app: 'web' } })],
    );
    expect(
      prioritizeNodes(ctx, ctx.snapshot.nodes, SCORE_PLUGINS).map(
        (s) => s.plugins.InterPodAffinity,
      ),
    ).toEqual([0, 200]);
  });
});
