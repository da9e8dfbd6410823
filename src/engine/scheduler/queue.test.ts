import { describe, expect, it } from 'vitest';
import { SchedulingQueue, backoffDuration, backoffExpiry } from './queue';
import { numFeasibleNodesToFind } from './algorithm';

describe('scheduling queue', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 10_000],
    [6, 10_000],
  ])(
    'attempt %i backs off %i ms (podInitialBackoffSeconds 1, podMaxBackoffSeconds 10)',
    (attempts, ms) => {
      expect(backoffDuration(attempts)).toBe(ms);
    },
  );

  it('pops by priority, then by queue time (PrioritySort)', () => {
    const q = new SchedulingQueue();
    q.add('default/low', 'u1', 0, 100);
    q.add('default/high', 'u2', 1000, 200);
    q.add('default/low-later', 'u3', 0, 300);
    q.add('default/high-later', 'u4', 1000, 400);
    expect([q.pop(), q.pop(), q.pop(), q.pop()].map((p) => p?.key)).toEqual([
      'default/high',
      'default/high-later',
      'default/low',
      'default/low-later',
    ]);
  });

  it('moves unschedulable pods to backoffQ while backing off, to activeQ after', () => {
    const q = new SchedulingQueue();
    q.add('default/a', 'u', 0, 0);
    const p = q.pop()!;
    q.addUnschedulable(p, ['NodeResourcesFit'], 1_000, false);
    // An event that cannot help the pod leaves it where it is.
    expect(q.moveAllToActiveOrBackoff(new Set(['NodeAffinity']), 1_500)).toBe(0);
    expect(q.moveAllToActiveOrBackoff(new Set(['NodeResourcesFit']), 1_500)).toBe(1);
    expect(q.backoff.map((x) => backoffExpiry(x))).toEqual([2_000]);
    expect(q.flushBackoffCompleted(1_999)).toBe(0);
    expect(q.flushBackoffCompleted(2_000)).toBe(1);
    expect(q.active.map((x) => x.key)).toEqual(['default/a']);
  });

  it('flushes pods left unschedulable for more than 5 minutes', () => {
    const q = new SchedulingQueue();
    q.add('default/a', 'u', 0, 0);
    q.addUnschedulable(q.pop()!, ['TaintToleration'], 0, false);
    expect(q.flushUnschedulableLeftover(300_000)).toBe(0);
    expect(q.flushUnschedulableLeftover(300_001)).toBe(1);
    expect(q.active).toHaveLength(1);
  });

  it('round-trips through a snapshot', () => {
    const q = new SchedulingQueue();
    q.add('default/a', 'u', 5, 0);
    const r = new SchedulingQueue();
    r.restore(q.snapshot());
    expect(r.pop()?.key).toBe('default/a');
  });
});

describe('numFeasibleNodesToFind (percentageOfNodesToScore unset)', () => {
  it.each([
    [4, 4],
    [99, 99],
    [100, 100],
    [1000, 420],
    [5000, 500],
    [6000, 300],
  ])('%i nodes → %i', (all, want) => {
    expect(numFeasibleNodesToFind(all)).toBe(want);
  });
});
