import { describe, expect, it } from 'vitest';
import { containerStatus, eventsFor, getPod, podOn, testSim } from './testutil';
import { containerLogs } from './exec';

describe('kubelet pod lifecycle', () => {
  it('pulls, creates and starts nginx with an IP from the node podCIDR', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'web', { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] }),
    );
    sim.runUntil(() => getPod(sim, 'web')?.status?.phase === 'Running', sim.now() + 60_000);
    const pod = getPod(sim, 'web')!;
    expect(pod.status.podIP).toBe('10.244.1.2');
    expect(pod.status.hostIP).toBe('192.168.49.3');
    expect(
      pod.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`),
    ).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const cs = containerStatus(sim, 'web');
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.image).toBe('docker.io/library/nginx:1.14.2');
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(eventsFor(sim, 'web').map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'Pulling: Pulling image "nginx:1.14.2"',
      'Pulled: Successfully pulled image "nginx:1.14.2" in 3.24s (3.24s including waiting). Image size: 44406851 bytes.',
      'Created: Container created',
      'Started: Container started',
    ]);
  });

  it('uses the cache for a second pod and shares base layers', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'a', { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] }),
    );
    sim.runUntil(() => getPod(sim, 'a')?.status?.phase === 'Running', sim.now() + 60_000);
    sim.store.create(
      podOn('node-1', 'b', { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] }),
    );
    sim.store.create(
      podOn('node-1', 'c', { containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] }),
    );
    sim.runUntil(() => getPod(sim, 'c')?.status?.phase === 'Running', sim.now() + 60_000);
    expect(eventsFor(sim, 'b')[0].message).toBe(
      'Container image "nginx:1.14.2" already present on machine and can be accessed by the pod',
    );
    expect(getPod(sim, 'b')!.status.podIP).toBe('10.244.1.3');
    const pulled = eventsFor(sim, 'c').find((e) => e.reason === 'Pulled')!.message;
    // nginx:1.7.9 shares debian:stretch-slim with 1.14.2: only its own 17.4 MB layer is fetched.
    expect(pulled).toBe(
      'Successfully pulled image "nginx:1.7.9" in 1.403s (1.403s including waiting). Image size: 39937218 bytes.',
    );
  });

  it('runs sh -c scripts and keeps their output as logs', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'counter', {
        containers: [
          {
            name: 'count',
            image: 'busybox:1.28',
            args: [
              '/bin/sh',
              '-c',
              'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done',
            ],
          },
        ],
      }),
    );
    sim.advance(10_000);
    const logs = containerLogs(sim, getPod(sim, 'counter')!, 'count')!;
    expect(logs[0]).toMatch(/^0: Mon Jan {2}5 09:00:0\d UTC 2026$/);
    expect(logs.length).toBeGreaterThan(5);
  });
});
