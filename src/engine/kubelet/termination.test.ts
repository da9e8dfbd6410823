import { describe, expect, it } from 'vitest';
import { eventsFor, getPod, podOn, testSim } from './testutil';

function timeToGone(sim: ReturnType<typeof testSim>, name: string): number {
  const t0 = sim.now();
  sim.store.delete('Pod', 'default', name);
  sim.runUntil(() => !getPod(sim, name), sim.now() + 120_000);
  return sim.now() - t0;
}

describe('graceful termination', () => {
  it.each([
    // nginx handles its stop signal and exits in 0.2 s; a shell as PID 1 ignores SIGTERM: killed after 30 s.
    ['nginx', { name: 'web', image: 'nginx:1.27' }, 200, 1_000],
    [
      'sh -c',
      { name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] },
      30_000,
      31_000,
    ],
  ])('%s', (_label, container, min, max) => {
    const sim = testSim();
    sim.store.create(podOn('node-1', 'p', { containers: [container] }));
    sim.runUntil(() => getPod(sim, 'p')?.status?.phase === 'Running', sim.now() + 60_000);
    let terminating = false;
    sim.store.watch(['Pod'], (e) => {
      if (e.object.metadata.deletionTimestamp && e.type === 'MODIFIED') terminating = true;
    });
    const took = timeToGone(sim, 'p');
    expect(terminating).toBe(true);
    expect(took).toBeGreaterThanOrEqual(min);
    expect(took).toBeLessThanOrEqual(max);
    expect(eventsFor(sim, 'p').find((e) => e.reason === 'Killing')?.message).toBe(
      `Stopping container ${container.name}`,
    );
  });

  it('honours a shorter terminationGracePeriodSeconds', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'p', {
        terminationGracePeriodSeconds: 5,
        containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '3600'] }],
      }),
    );
    sim.runUntil(() => getPod(sim, 'p')?.status?.phase === 'Running', sim.now() + 60_000);
    const took = timeToGone(sim, 'p');
    expect(took).toBeGreaterThanOrEqual(5_000);
    expect(took).toBeLessThan(6_000);
  });
});
