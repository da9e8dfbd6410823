import { describe, expect, it } from 'vitest';
import type { KInput } from '../../api/types';
import { parseTime } from '../../clock';
import { bareSim, eventMessages, install, pods, setPodPhase } from '../testing';
import { JobController, JOB_TRACKING_FINALIZER, pastBackoffLimitOnFailure } from './job';
import { remainingBackoff } from './backoff';

function job(extra: Record<string, unknown> = {}): KInput {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default' },
    spec: {
      template: { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' } },
      ...extra,
    },
  };
}

/** Every new job pod ends in `phase` one second after creation. */
function setup(phase: 'Succeeded' | 'Failed', extra: Record<string, unknown> = {}) {
  const sim = bareSim();
  install(sim, new JobController(sim));
  sim.store.watch(['Pod'], (e) => {
    if (e.type === 'ADDED') sim.after(1000, 'fake-kubelet', 'finish', `${e.object.metadata.name}`);
  });
  sim.register({
    name: 'fake-kubelet',
    onTimer: (_a, name) => {
      const p = sim.store.get('Pod', 'default', String(name));
      if (p && !p.metadata.deletionTimestamp) setPodPhase(sim, p, phase);
    },
  });
  sim.store.create(job(extra));
  return sim;
}

describe('Job controller', () => {
  it('completes after one successful pod: SuccessCriteriaMet then Complete, events, finalizer removed', () => {
    const sim = setup('Succeeded');
    sim.runUntilIdle();
    const j = sim.store.get('Job', 'default', 'pi')!;
    expect(
      j.status.conditions.map((c: { type: string; reason: string }) => [c.type, c.reason]),
    ).toEqual([
      ['SuccessCriteriaMet', 'CompletionsReached'],
      ['Complete', 'CompletionsReached'],
    ]);
    expect(j.status).toMatchObject({
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    });
    expect(j.status.completionTime).toBeDefined();
    const [p] = pods(sim);
    expect(p.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.labels).toMatchObject({
      'batch.kubernetes.io/job-name': 'pi',
      'job-name': 'pi',
    });
    expect(p.metadata.finalizers ?? []).not.toContain(JOB_TRACKING_FINALIZER);
    expect(eventMessages(sim, 'SuccessfulCreate')).toEqual([`Created pod: ${p.metadata.name}`]);
    expect(eventMessages(sim, 'Completed')).toEqual(['Job completed']);
  });

  it('fails at the 7th failed pod (backoffLimit 6) with 10s×2^(n-1) delays between attempts', () => {
    const sim = setup('Failed');
    sim.runUntilIdle(3_600_000);
    const ps = pods(sim).sort(
      (a, b) => parseTime(a.metadata.creationTimestamp)! - parseTime(b.metadata.creationTimestamp)!,
    );
    expect(ps).toHaveLength(7);
    const gaps = ps
      .slice(1)
      .map(
        (p, i) =>
          (parseTime(p.metadata.creationTimestamp)! -
            parseTime(ps[i].metadata.creationTimestamp)!) /
          1000,
      );
    // Each pod fails 1 s after creation; the next waits 10, 20, 40, 80, 160, 320 s after that failure.
    expect(gaps).toEqual([11, 21, 41, 81, 161, 321]);
    const j = sim.store.get('Job', 'default', 'pi')!;
    expect(j.status.failed).toBe(7);
    expect(
      j.status.conditions.map((c: { type: string; reason: string; message: string }) => [
        c.type,
        c.reason,
        c.message,
      ]),
    ).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(eventMessages(sim, 'BackoffLimitExceeded')).toEqual([
      'Job has reached the specified backoff limit',
    ]);
  });

  it('runs completions with parallelism and Indexed completion indexes', () => {
    const sim = setup('Succeeded', { completions: 3, parallelism: 2, completionMode: 'Indexed' });
    sim.runUntilIdle();
    const ps = pods(sim);
    expect(
      ps.map((p) => p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).sort(),
    ).toEqual(['0', '1', '2']);
    expect(
      ps.find((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] === '2')!
        .metadata.name,
    ).toMatch(/^pi-2-/);
    expect(sim.store.get('Job', 'default', 'pi')!.status).toMatchObject({
      succeeded: 3,
      completedIndexes: '0-2',
    });
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds', () => {
    const sim = bareSim();
    install(sim, new JobController(sim));
    sim.store.create(job({ activeDeadlineSeconds: 30 }));
    sim.runUntilIdle();
    const j = sim.store.get('Job', 'default', 'pi')!;
    expect(j.status.conditions.at(-1)).toMatchObject({
      type: 'Failed',
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    });
    expect(pods(sim)).toHaveLength(0);
  });

  it.each([
    [0, 0],
    [1, 10_000],
    [3, 40_000],
    [7, 600_000],
    [12, 600_000],
  ])('backoff after %i failures is %i ms', (failures, ms) => {
    expect(remainingBackoff({ failuresAfterLastSuccess: failures, lastFailureTime: 0 }, 0)).toBe(
      ms,
    );
  });
});

describe('pastBackoffLimitOnFailure (OnFailure restarts count toward backoffLimit)', () => {
  const onFailure = { spec: { template: { spec: { restartPolicy: 'OnFailure' } } } } as never;
  const never = { spec: { template: { spec: { restartPolicy: 'Never' } } } } as never;
  const pod = (phase: string, ...restarts: number[]) =>
    ({
      status: { phase, containerStatuses: restarts.map((restartCount) => ({ restartCount })) },
    }) as never;
  it.each([
    ['1 restart, limit 2', onFailure, [pod('Running', 1)], 2, false],
    ['2 restarts, limit 2', onFailure, [pod('Running', 2)], 2, true],
    [
      'restarts summed over containers and pods',
      onFailure,
      [pod('Running', 1), pod('Pending', 0, 1)],
      2,
      true,
    ],
    ['limit 0: any restart', onFailure, [pod('Running', 1)], 0, true],
    ['limit 0: no restart', onFailure, [pod('Running', 0)], 0, false],
    ['finished pods are ignored', onFailure, [pod('Failed', 5)], 2, false],
    ['restartPolicy Never', never, [pod('Running', 5)], 2, false],
  ])('%s', (_name, job, pods, limit, want) => {
    expect(pastBackoffLimitOnFailure(job, pods, limit)).toBe(want);
  });
});
