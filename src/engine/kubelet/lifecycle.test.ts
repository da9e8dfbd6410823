import { describe, expect, it } from 'vitest';
import { containerStatus, eventsFor, getPod, podOn, testSim } from './testutil';
import { containerLogs } from './exec';

function startTimes(sim: ReturnType<typeof testSim>, name: string, durationMs: number): number[] {
  const starts: number[] = [];
  sim.store.watch(['Event'], (e) => {
    if (
      e.object.involvedObject?.name === name &&
      e.object.reason === 'Started' &&
      e.type !== 'DELETED'
    )
      starts.push(sim.now());
  });
  sim.advance(durationMs);
  return starts;
}

describe('restarts', () => {
  it('CrashLoopBackOff: first restart at once, then 10, 20, 40, 80, 160, 300 s', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'crash', {
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }],
      }),
    );
    const starts = startTimes(sim, 'crash', 20 * 60_000);
    const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]) / 1000));
    expect(gaps.slice(0, 7)).toEqual([0, 10, 20, 40, 80, 160, 300]);
    const cs = containerStatus(sim, 'crash');
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const bo = eventsFor(sim, 'crash').find((e) => e.reason === 'BackOff')!;
    expect(bo.message).toBe(
      `Back-off restarting failed container app in pod crash_default(${getPod(sim, 'crash')!.metadata.uid})`,
    );
  });

  it('shows CrashLoopBackOff with the back-off message while waiting', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'c2', { containers: [{ name: 'app', image: 'kubeplay/crash' }] }),
    );
    sim.runUntil(
      () => containerStatus(sim, 'c2')?.state?.waiting?.reason === 'CrashLoopBackOff',
      sim.now() + 120_000,
    );
    const cs = containerStatus(sim, 'c2');
    expect(cs.state.waiting.message).toBe(
      `back-off 10s restarting failed container=app pod=c2_default(${getPod(sim, 'c2')!.metadata.uid})`,
    );
    expect(cs.restartCount).toBe(1);
    expect(containerLogs(sim, getPod(sim, 'c2')!, 'app', { previous: true })).toEqual([
      'starting worker...',
      'panic: runtime error: invalid memory address or nil pointer dereference',
    ]);
  });

  it('resets the backoff after 10 minutes of clean running', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'slow', {
        containers: [
          { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 700; exit 1'] },
        ],
      }),
    );
    const starts = startTimes(sim, 'slow', 40 * 60_000);
    const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]) / 1000));
    // Every run lasts 700 s > 600 s, so each exit finds the backoff expired: restart at once.
    expect(gaps.slice(0, 3)).toEqual([700, 700, 700]);
  });

  it('restartPolicy Never: Succeeded or Failed', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'ok', {
        restartPolicy: 'Never',
        containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }],
      }),
    );
    sim.store.create(
      podOn('node-1', 'ko', {
        restartPolicy: 'Never',
        containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }],
      }),
    );
    sim.advance(30_000);
    expect(getPod(sim, 'ok')!.status.phase).toBe('Succeeded');
    expect(containerStatus(sim, 'ok').state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(getPod(sim, 'ko')!.status.phase).toBe('Failed');
    expect(containerStatus(sim, 'ko').state.terminated).toMatchObject({
      exitCode: 3,
      reason: 'Error',
    });
    expect(containerLogs(sim, getPod(sim, 'ok')!, 'c')).toEqual(['done']);
  });

  it('OOMKilled when a leaking container reaches its memory limit', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'leak', {
        containers: [
          { name: 'app', image: 'kubeplay/leak', resources: { limits: { memory: '64Mi' } } },
        ],
      }),
    );
    sim.runUntil(() => (containerStatus(sim, 'leak')?.restartCount ?? 0) >= 1, sim.now() + 120_000);
    expect(containerStatus(sim, 'leak').lastState.terminated).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled',
    });
  });

  it('runs init containers in order before the app', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'init', {
        initContainers: [{ name: 'wait', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 5'] }],
        containers: [{ name: 'app', image: 'nginx:1.14.2' }],
      }),
    );
    sim.advance(2_000);
    const pod = getPod(sim, 'init')!;
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    expect(
      pod.status.conditions.find((c: { type: string }) => c.type === 'Initialized'),
    ).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized' });
    sim.runUntil(() => getPod(sim, 'init')?.status?.phase === 'Running', sim.now() + 60_000);
    expect(getPod(sim, 'init')!.status.initContainerStatuses[0].state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
  });

  it('CreateContainerConfigError for a missing ConfigMap, then starts once it exists', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'cfg', {
        containers: [
          {
            name: 'app',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'echo $COLOR; sleep 3600'],
            env: [
              { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'settings', key: 'color' } } },
            ],
          },
        ],
      }),
    );
    sim.advance(3_000);
    expect(containerStatus(sim, 'cfg').state.waiting).toEqual({
      reason: 'CreateContainerConfigError',
      message: 'configmap "settings" not found',
    });
    sim.store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'default' },
      data: { color: 'blue' },
    });
    sim.advance(15_000);
    expect(containerStatus(sim, 'cfg').state.running).toBeDefined();
    expect(containerLogs(sim, getPod(sim, 'cfg')!, 'app')).toEqual(['blue']);
  });
});
