import { describe, expect, it } from 'vitest';
import { parseDuration, rfc3339, TimerQueue } from './clock';

describe('TimerQueue', () => {
  const add = (q: TimerQueue, at: number, action: string, background = false) =>
    q.add({ at, component: 'c', action, payload: null, background });

  it('pops in time order, FIFO for equal times', () => {
    const q = new TimerQueue();
    add(q, 30, 'c');
    add(q, 10, 'a');
    add(q, 10, 'b');
    add(q, 20, 'x');
    expect([q.pop(), q.pop(), q.pop(), q.pop()].map((t) => t?.action)).toEqual([
      'a',
      'b',
      'x',
      'c',
    ]);
    expect(q.pop()).toBeUndefined();
  });

  it('skips cancelled timers and tracks foreground work', () => {
    const q = new TimerQueue();
    const a = add(q, 1, 'a');
    add(q, 2, 'bg', true);
    expect(q.hasForeground()).toBe(true);
    q.cancel(a);
    expect(q.peek()?.action).toBe('bg');
    expect(q.hasForeground()).toBe(false);
  });

  it('snapshots as data and restores the same order and sequence numbers', () => {
    const q = new TimerQueue();
    for (let i = 0; i < 50; i++) add(q, (i * 7919) % 97, `t${i}`, i % 3 === 0);
    const snap = JSON.parse(JSON.stringify(q.snapshot()));
    const r = new TimerQueue();
    r.restore(snap);
    const drain = (x: TimerQueue) => {
      const out: string[] = [];
      for (let t = x.pop(); t; t = x.pop()) out.push(`${t.at}:${t.seq}:${t.action}`);
      return out;
    };
    expect(drain(r)).toEqual(drain(q));
    expect(add(r, 0, 'new')).toBe(51);
  });
});

describe('time formats', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['30', 30_000],
    ['abc', undefined],
    ['10x', undefined],
    ['', undefined],
  ])('parseDuration(%s) = %s', (s, ms) => {
    expect(parseDuration(s)).toBe(ms);
  });

  it('writes RFC 3339 with second precision', () => {
    expect(rfc3339(Date.parse('2026-01-05T09:00:00.999Z'))).toBe('2026-01-05T09:00:00Z');
  });
});
