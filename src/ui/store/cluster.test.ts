import { describe, expect, it } from 'vitest';
import {
  applyBatch,
  initialCluster,
  MAX_EVENTS,
  MAX_PULSES_PER_EDGE,
  PULSE_WINDOW_MS,
} from './cluster';
import type { Batch, ObjView, RequestView } from '../../worker/protocol';

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
  step: -1,
  requestCounts: {},
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

  const req = (seq: number, extra: Partial<RequestView> = {}): RequestView => ({
    seq,
    time: 10_000,
    from: 'outside',
    serviceUid: 'svc',
    podUid: 'a',
    ok: true,
    result: 'ok',
    latencyMs: 1,
    ...extra,
  });
  const clockAt = (now: number) => ({ ...initialCluster.clock, now });

  it('turns new requests into pulses on their Service → pod edge, the newest few per edge', () => {
    const s1 = applyBatch(initialCluster, batch({ reset: true, objects: [pod('a')] }));
    const reqs = Array.from({ length: MAX_PULSES_PER_EDGE + 2 }, (_, i) => req(i + 1));
    const s2 = applyBatch(s1, batch({ requests: reqs, clock: clockAt(10_500) }));
    expect(s2.pulses['s:svc>a'].map((p) => p.seq)).toEqual(
      reqs.slice(-MAX_PULSES_PER_EDGE).map((r) => r.seq),
    );
    const s3 = applyBatch(
      s2,
      batch({
        requests: [req(99, { podUid: undefined, ok: false, result: 'refused' })],
        clock: clockAt(10_500),
      }),
    );
    expect(s3.serviceHits.svc).toEqual({ seq: 99, result: 'refused' });
    expect(s3.pulses['s:svc>a']).toBe(s2.pulses['s:svc>a']);
  });

  it('does not animate requests older than the pulse window, and a reset clears pulses', () => {
    const old = req(1, { time: 0 });
    const s1 = applyBatch(
      initialCluster,
      batch({ requests: [old], clock: clockAt(PULSE_WINDOW_MS + 1) }),
    );
    expect(s1.pulses).toEqual({});
    const s2 = applyBatch(s1, batch({ requests: [req(2)], clock: clockAt(10_000) }));
    expect(Object.keys(s2.pulses)).toHaveLength(1);
    expect(applyBatch(s2, batch({ reset: true })).pulses).toEqual({});
  });

  it('merges changed request counters and replaces them all on reset', () => {
    const s1 = applyBatch(initialCluster, batch({ requestCounts: { a: { ok: 1, failed: 0 } } }));
    const s2 = applyBatch(s1, batch({ requestCounts: { b: { ok: 2, failed: 1 } } }));
    expect(s2.requestCounts).toEqual({ a: { ok: 1, failed: 0 }, b: { ok: 2, failed: 1 } });
    const s3 = applyBatch(s2, batch({ reset: true, requestCounts: { b: { ok: 5, failed: 0 } } }));
    expect(s3.requestCounts).toEqual({ b: { ok: 5, failed: 0 } });
  });
});
