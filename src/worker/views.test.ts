import { describe, expect, it } from 'vitest';
import { nodeView, podStatus } from './views';
import { createSimulation } from '../engine/cluster/create';
import { defaultClusterConfig } from '../engine/config';
import type { KObject } from '../engine/api/types';

const pod = (status: object, extra: Partial<KObject> = {}): KObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      uid: 'u',
      resourceVersion: '1',
      creationTimestamp: '2026-01-05T09:00:00Z',
    },
    spec: {},
    status,
    ...extra,
  }) as KObject;

describe('podStatus (kubectl get pods STATUS)', () => {
  it.each([
    [{ phase: 'Pending' }, 'Pending'],
    [
      {
        phase: 'Pending',
        containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }],
      },
      'ContainerCreating',
    ],
    [
      {
        phase: 'Running',
        containerStatuses: [{ ready: true, state: { running: {} } }],
        conditions: [{ type: 'Ready', status: 'True' }],
      },
      'Running',
    ],
    [
      {
        phase: 'Running',
        containerStatuses: [
          {
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { reason: 'OOMKilled' } },
          },
        ],
      },
      'CrashLoopBackOff',
    ],
    [
      {
        phase: 'Pending',
        containerStatuses: [{ state: { waiting: { reason: 'ImagePullBackOff' } } }],
      },
      'ImagePullBackOff',
    ],
    [
      {
        phase: 'Running',
        containerStatuses: [{ state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }],
      },
      'OOMKilled',
    ],
    [
      {
        phase: 'Succeeded',
        containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
      },
      'Completed',
    ],
    [
      { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 1 } } }] },
      'ExitCode:1',
    ],
    [{ phase: 'Failed', reason: 'Evicted' }, 'Evicted'],
  ])('%j → %s', (status, want) => expect(podStatus(pod(status))).toBe(want));

  it('a pod being deleted reads Terminating', () => {
    expect(
      podStatus(
        pod(
          { phase: 'Running' },
          {
            metadata: {
              name: 'p',
              uid: 'u',
              resourceVersion: '1',
              creationTimestamp: 'x',
              deletionTimestamp: 'y',
            },
          },
        ),
      ),
    ).toBe('Terminating');
  });

  it('init containers show Init:n/m', () => {
    expect(
      podStatus(
        pod(
          {
            phase: 'Pending',
            initContainerStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }],
          },
          { spec: { initContainers: [{ name: 'i' }] } },
        ),
      ),
    ).toBe('Init:0/1');
  });
});

describe('nodeView', () => {
  it('lists the taints of a kubeadm control-plane node as key:Effect', () => {
    const sim = createSimulation(defaultClusterConfig({ seed: 1 }));
    const views = sim.store.list('Node').map((n) => nodeView(n, []));
    const cp = views.find((v) => v.node?.controlPlane)!;
    expect(cp.node!.taints).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
    expect(
      views.filter((v) => !v.node?.controlPlane).every((v) => v.node!.taints.length === 0),
    ).toBe(true);
  });
});
