import { describe, expect, it } from 'vitest';
import { containerStatus, eventsFor, getPod, podOn, testSim } from './testutil';

describe('probes', () => {
  it('liveness tutorial (exec-liveness.yaml): fails after 30 s, restarted after 3 failures', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'liveness-exec', {
        containers: [
          {
            name: 'liveness',
            image: 'busybox:1.36',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: {
              exec: { command: ['cat', '/tmp/healthy'] },
              initialDelaySeconds: 5,
              periodSeconds: 5,
            },
          },
        ],
      }),
    );
    sim.runUntil(
      () => getPod(sim, 'liveness-exec')?.status?.phase === 'Running',
      sim.now() + 60_000,
    );
    const started = Date.parse(containerStatus(sim, 'liveness-exec').state.running.startedAt);
    sim.runUntil(
      () => eventsFor(sim, 'liveness-exec').some((e) => e.reason === 'Killing'),
      sim.now() + 120_000,
    );
    const ev = eventsFor(sim, 'liveness-exec');
    const unhealthy = ev.find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    expect(unhealthy.count).toBe(3);
    // The file is removed at 30 s; the probe due at that instant already fails.
    expect(Math.round((unhealthy.t - started) / 1000)).toBe(30);
    const killing = ev.find((e) => e.reason === 'Killing')!;
    expect(killing.message).toBe('Container liveness failed liveness probe, will be restarted');
    expect(Math.round((killing.t - started) / 1000)).toBe(40);
    // sh ignores SIGTERM: killed at the end of the 30 s grace period, then restarted at once.
    sim.runUntil(
      () => containerStatus(sim, 'liveness-exec')?.restartCount === 1,
      sim.now() + 120_000,
    );
    expect(containerStatus(sim, 'liveness-exec').lastState.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    });
  });

  it('readiness gates Ready: not ready until the probe succeeds', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'r', {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            readinessProbe: {
              httpGet: { path: '/', port: 80 },
              initialDelaySeconds: 5,
              periodSeconds: 5,
            },
          },
        ],
      }),
    );
    sim.runUntil(() => getPod(sim, 'r')?.status?.phase === 'Running', sim.now() + 60_000);
    expect(containerStatus(sim, 'r').ready).toBe(false);
    expect(
      getPod(sim, 'r')!.status.conditions.find((c: { type: string }) => c.type === 'Ready'),
    ).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
    });
    sim.advance(6_000);
    expect(containerStatus(sim, 'r').ready).toBe(true);
  });

  it('kubeplay/flaky-ready fails readiness every other 30 s without restarts', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'f', {
        containers: [
          {
            name: 'app',
            image: 'kubeplay/flaky-ready',
            readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 },
          },
        ],
      }),
    );
    sim.advance(120_000);
    const ev = eventsFor(sim, 'f').filter((e) => e.reason === 'Unhealthy');
    expect(ev.map((e) => e.message)).toContain(
      'Readiness probe failed: HTTP probe failed with statuscode: 503',
    );
    expect(containerStatus(sim, 'f').restartCount).toBe(0);
  });

  it('an httpGet liveness probe on a closed port: connection refused', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'h', {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
          },
        ],
      }),
    );
    sim.runUntil(
      () => eventsFor(sim, 'h').some((e) => e.reason === 'Unhealthy'),
      sim.now() + 60_000,
    );
    const ip = getPod(sim, 'h')!.status.podIP;
    expect(eventsFor(sim, 'h').find((e) => e.reason === 'Unhealthy')!.message).toBe(
      `Liveness probe failed: Get "http://${ip}:8080/healthz": dial tcp ${ip}:8080: connect: connection refused`,
    );
  });
});
