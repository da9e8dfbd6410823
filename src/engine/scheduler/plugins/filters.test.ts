import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { runFilters, runPreFilters } from '../framework';
import { FILTER_PLUGINS } from '.';
import { context, node, pod } from './fixtures';

/** The first failing plugin's reasons for each node, or 'ok'. */
function verdicts(
  incoming: KObject,
  nodes: KObject[],
  bound: KObject[] = [],
): Record<string, string> {
  const ctx = context(incoming, nodes, bound);
  const skipped = runPreFilters(ctx, FILTER_PLUGINS);
  const out: Record<string, string> = {};
  for (const n of ctx.snapshot.nodes) {
    const st = runFilters(ctx, n, FILTER_PLUGINS, skipped);
    out[n.name] = st ? `${st.plugin}: ${st.reasons.join(', ')}` : 'ok';
  }
  return out;
}

const zone = (z: string) => ({ labels: { 'topology.kubernetes.io/zone': z } });
const antiAffinity = (app: string, key = 'kubernetes.io/hostname') => ({
  affinity: {
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [
        { labelSelector: { matchLabels: { app } }, topologyKey: key },
      ],
    },
  },
});

describe('filter plugins: reasons as kube-scheduler words them', () => {
  const cases: {
    name: string;
    pod: KObject;
    nodes: KObject[];
    bound?: KObject[];
    want: Record<string, string>;
  }[] = [
    {
      name: 'NodeUnschedulable rejects a cordoned node',
      pod: pod('p'),
      nodes: [node('a', { unschedulable: true }), node('b')],
      want: { a: 'NodeUnschedulable: node(s) were unschedulable', b: 'ok' },
    },
    {
      name: 'NodeUnschedulable lets a pod that tolerates the cordon taint through',
      pod: pod('p', {
        spec: {
          tolerations: [
            { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
          ],
        },
      }),
      nodes: [node('a', { unschedulable: true })],
      want: { a: 'ok' },
    },
    {
      name: 'NodeName rejects other nodes',
      pod: pod('p', { nodeName: 'b' }),
      nodes: [node('a'), node('b')],
      want: { a: "NodeName: node(s) didn't match the requested node name", b: 'ok' },
    },
    {
      name: 'TaintToleration: NoSchedule and NoExecute filter, PreferNoSchedule does not',
      pod: pod('p'),
      nodes: [
        node('a', {
          taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
        }),
        node('b', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] }),
        node('c', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }),
      ],
      want: {
        a: 'TaintToleration: node(s) had untolerated taint(s)',
        b: 'TaintToleration: node(s) had untolerated taint(s)',
        c: 'ok',
      },
    },
    {
      name: 'TaintToleration: a matching toleration passes',
      pod: pod('p', {
        spec: {
          tolerations: [
            { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
          ],
        },
      }),
      nodes: [
        node('a', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
        node('b', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
      ],
      want: { a: 'ok', b: 'TaintToleration: node(s) had untolerated taint(s)' },
    },
    {
      name: 'NodeAffinity: nodeSelector',
      pod: pod('p', { spec: { nodeSelector: { disktype: 'ssd' } } }),
      nodes: [node('a', { labels: { disktype: 'ssd' } }), node('b')],
      want: { a: 'ok', b: "NodeAffinity: node(s) didn't match Pod's node affinity/selector" },
    },
    {
      name: 'NodeAffinity: required terms are ORed, expressions ANDed',
      pod: pod('p', {
        spec: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: [
                      { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['z1'] },
                    ],
                  },
                  { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['c'] }] },
                ],
              },
            },
          },
        },
      }),
      nodes: [node('a', zone('z1')), node('b', zone('z2')), node('c')],
      want: {
        a: 'ok',
        b: "NodeAffinity: node(s) didn't match Pod's node affinity/selector",
        c: 'ok',
      },
    },
    {
      name: 'NodeResourcesFit: cpu and memory against what bound pods request',
      pod: pod('p', { cpu: '2', memory: '4Gi' }),
      nodes: [node('a'), node('b'), node('c')],
      bound: [
        pod('x', { cpu: '3', nodeName: 'a' }),
        pod('y', { cpu: '1', memory: '6Gi', nodeName: 'b' }),
        pod('z', { cpu: '3', memory: '6Gi', nodeName: 'c' }),
      ],
      want: {
        a: 'NodeResourcesFit: Insufficient cpu',
        b: 'NodeResourcesFit: Insufficient memory',
        c: 'NodeResourcesFit: Insufficient cpu, Insufficient memory',
      },
    },
    {
      name: 'NodeResourcesFit: Too many pods, even for a pod without requests',
      pod: pod('p'),
      nodes: [node('a', { pods: 1 })],
      bound: [pod('x', { nodeName: 'a' })],
      want: { a: 'NodeResourcesFit: Too many pods' },
    },
    {
      name: 'NodePorts: the same hostPort and protocol conflict',
      pod: pod('p', {
        spec: {
          containers: [
            { name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] },
          ],
        },
      }),
      nodes: [node('a'), node('b')],
      bound: [
        pod('x', {
          nodeName: 'a',
          spec: {
            containers: [
              {
                name: 'c',
                image: 'nginx',
                ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }],
              },
            ],
          },
        }),
      ],
      want: { a: "NodePorts: node(s) didn't have free ports for the requested pod ports", b: 'ok' },
    },
    {
      name: 'PodTopologySpread: DoNotSchedule keeps the skew within maxSkew',
      pod: pod('p', {
        labels: { app: 'web' },
        spec: {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'DoNotSchedule',
              labelSelector: { matchLabels: { app: 'web' } },
            },
          ],
        },
      }),
      nodes: [node('a', zone('z1')), node('b', zone('z2')), node('c')],
      bound: [pod('w1', { nodeName: 'a', labels: { app: 'web' } })],
      want: {
        a: "PodTopologySpread: node(s) didn't match pod topology spread constraints",
        b: 'ok',
        c: "PodTopologySpread: node(s) didn't match pod topology spread constraints (missing required label)",
      },
    },
    {
      name: 'InterPodAffinity: required affinity needs a matching pod in the domain',
      pod: pod('p', {
        spec: {
          affinity: {
            podAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                {
                  labelSelector: { matchLabels: { app: 'db' } },
                  topologyKey: 'kubernetes.io/hostname',
                },
              ],
            },
          },
        },
      }),
      nodes: [node('a'), node('b')],
      bound: [pod('db', { nodeName: 'a', labels: { app: 'db' } })],
      want: { a: 'ok', b: "InterPodAffinity: node(s) didn't match pod affinity rules" },
    },
    {
      name: 'InterPodAffinity: required anti-affinity',
      pod: pod('p', { labels: { app: 'web' }, spec: antiAffinity('web') }),
      nodes: [node('a'), node('b')],
      bound: [pod('w1', { nodeName: 'a', labels: { app: 'web' } })],
      want: { a: "InterPodAffinity: node(s) didn't match pod anti-affinity rules", b: 'ok' },
    },
    {
      name: "InterPodAffinity: existing pods' anti-affinity",
      pod: pod('p', { labels: { app: 'web' } }),
      nodes: [node('a'), node('b')],
      bound: [pod('w1', { nodeName: 'a', labels: { app: 'other' }, spec: antiAffinity('web') })],
      want: {
        a: "InterPodAffinity: node(s) didn't satisfy existing pods anti-affinity rules",
        b: 'ok',
      },
    },
  ];
  it.each(cases)('$name', ({ pod: p, nodes, bound, want }) => {
    expect(verdicts(p, nodes, bound)).toEqual(want);
  });

  it('InterPodAffinity lets the first pod of a self-affine group schedule', () => {
    const self = pod('p', {
      labels: { app: 'db' },
      spec: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              {
                labelSelector: { matchLabels: { app: 'db' } },
                topologyKey: 'kubernetes.io/hostname',
              },
            ],
          },
        },
      },
    });
    expect(verdicts(self, [node('a')])).toEqual({ a: 'ok' });
  });

  it('terminating pods still hold their resources', () => {
    const x = pod('x', { cpu: '3', nodeName: 'a' });
    x.metadata.deletionTimestamp = '2026-01-05T09:00:00Z';
    expect(verdicts(pod('p', { cpu: '2' }), [node('a')], [x])).toEqual({
      a: 'NodeResourcesFit: Insufficient cpu',
    });
  });
});
