import { describe, expect, it } from 'vitest';
import { containerStatus, eventsFor, getPod, podOn, testSim } from './testutil';

describe('image pull failures', () => {
  it('ErrImagePull then ImagePullBackOff, retrying after 10, 20, 40, ... 300 s', () => {
    const sim = testSim();
    const t0 = sim.now();
    sim.store.create(
      podOn('node-1', 'bad', { containers: [{ name: 'nginx', image: 'nginx:1.161' }] }),
    );
    sim.advance(3_000);
    const failed = eventsFor(sim, 'bad')
      .filter((e) => e.reason === 'Failed')
      .map((e) => e.message);
    expect(failed).toEqual([
      'Failed to pull image "nginx:1.161": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
      'Error: ErrImagePull',
      'Error: ImagePullBackOff',
    ]);
    expect(containerStatus(sim, 'bad').state.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "nginx:1.161"',
    });
    // Collect the times of every pull attempt for 20 minutes.
    const pulls: number[] = [];
    sim.store.watch(['Event'], (e) => {
      if (e.object.reason === 'Pulling') pulls.push(sim.now());
    });
    sim.advance(20 * 60_000);
    const gaps = pulls.map((t, i) => Math.round((t - (i ? pulls[i - 1] : t0)) / 1000));
    // First attempt at ~0 s; then each retry waits the doubled backoff (plus the 0.8 s failed pull).
    expect(gaps.slice(0, 7)).toEqual([11, 21, 41, 81, 161, 301, 301]);
    expect(eventsFor(sim, 'bad').find((e) => e.reason === 'BackOff')?.message).toBe(
      'Back-off pulling image "nginx:1.161"',
    );
  });

  it('imagePullPolicy Never with a missing image: ErrImageNeverPull', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'never', {
        containers: [{ name: 'app', image: 'redis:7', imagePullPolicy: 'Never' }],
      }),
    );
    sim.advance(2_000);
    expect(containerStatus(sim, 'never').state.waiting.reason).toBe('ErrImageNeverPull');
    expect(containerStatus(sim, 'never').state.waiting.message).toBe(
      'Container image "redis:7" is not present with pull policy of Never',
    );
  });

  it('serializes pulls on a node: the second waits for the first', () => {
    const sim = testSim();
    sim.store.create(podOn('node-2', 'a', { containers: [{ name: 'r', image: 'redis:7' }] }));
    sim.store.create(podOn('node-2', 'b', { containers: [{ name: 'h', image: 'httpd:2.4' }] }));
    sim.runUntil(() => getPod(sim, 'b')?.status?.phase === 'Running', sim.now() + 60_000);
    const msg = eventsFor(sim, 'b').find((e) => e.reason === 'Pulled')!.message;
    // httpd shares debian:bookworm-slim with redis: it pulls only its own layer, after waiting for redis.
    expect(msg).toMatch(
      /^Successfully pulled image "httpd:2\.4" in 2\.236s \(5\.\d+s including waiting\)\. Image size: 58162104 bytes\.$/,
    );
  });
});
