import { describe, expect, it } from 'vitest';
import { applyBatch, initialCluster, MAX_EVENTS } from './cluster';
import type { Batch, ObjView } from '../../worker/protocol';

const pod = (uid: string, extra: Partial<ObjView> = {}): ObjView => ({
  uid,
  kind: 'Pod',
  name: uid,
  namespace: 'default',
  status: 'Pending',
  tone: 'progress',
  created: 1,
  ...extra,
});

const batch = (b: Partial<Batch>): Batch => ({
  type: 'batch',
  reset: false,
  objects: [],
  removed: [],
  events: [],
  requests: [],
  clock: initialCluster.clock,
  timers: { count: 0, next: [] },
  activity: { components: {}, writes: {} },
  traceHash: '',
  ...b,
});

describe('applyBatch', () => {
  it('keeps the structure identity when only statuses change', () => {
    const s1 = applyBatch(initialCluster, batch({ reset: true, objects: [pod('a')] }));
    const s2 = applyBatch(s1, batch({ objects: [pod('a', { status: 'Running', tone: 'ok' })] }));
    expect(s2.objects.a.status).toBe('Running');
    expect(s2.structure).toBe(s1.structure);
  });

  it('changes the structure when a pod is bound to a node or removed', () => {
    const s1 = applyBatch(initialCluster, batch({ reset: true, objects: [pod('a')] }));
    const s2 = applyBatch(s1, batch({ objects: [pod('a', { nodeName: 'node-1' })] }));
    expect(s2.structure).not.toBe(s1.structure);
    expect(s2.structure.a.nodeName).toBe('node-1');
    const s3 = applyBatch(s2, batch({ removed: ['a'] }));
    expect(s3.objects.a).toBeUndefined();
    expect(s3.structure.a).toBeUndefined();
  });

  it('a reset batch replaces everything', () => {
    const s1 = applyBatch(initialCluster, batch({ reset: true, objects: [pod('a')] }));
    const s2 = applyBatch(s1, batch({ reset: true, objects: [pod('b')] }));
    expect(Object.keys(s2.objects)).toEqual(['b']);
    expect(s2.resets).toBe(2);
  });

  it('keeps a bounded, ordered event log, updating repeated events in place', () => {
    const ev = (i: number, count = 1) => ({
      id: `e${i}`,
      time: i,
      type: 'Normal' as const,
      reason: 'R',
      message: 'm',
      object: 'pod/a',
      count,
      source: 'kubelet',
    });
    let s = applyBatch(
      initialCluster,
      batch({ events: Array.from({ length: MAX_EVENTS + 10 }, (_, i) => ev(i)) }),
    );
    expect(s.events).toHaveLength(MAX_EVENTS);
    s = applyBatch(s, batch({ events: [ev(MAX_EVENTS + 9, 3)] }));
    expect(s.events).toHaveLength(MAX_EVENTS);
    expect(s.events[s.events.length - 1].count).toBe(3);
  });
});
