/**
 * Virtual time. The engine never reads the wall clock: every component asks the simulation for
 * `now`, and every delayed reaction is a timer stored as plain data, so the whole queue can be
 * snapshotted, restored and replayed byte for byte.
 */

/** Simulated time starts here unless a scenario sets `startTime`. */
export const DEFAULT_START_TIME = Date.parse('2026-01-05T09:00:00Z');

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Timer {
  /** Global sequence number: orders timers due at the same instant (FIFO) and identifies them. */
  seq: number;
  at: number;
  /** Name of the component that handles the timer (see Simulation.register). */
  component: string;
  action: string;
  payload: Json;
  /**
   * Background timers (heartbeats, periodic resyncs) do not keep the cluster "busy":
   * `runUntilIdle` stops when only background timers remain.
   */
  background: boolean;
}

/** A binary min-heap of timers ordered by (at, seq). */
export class TimerQueue {
  private heap: Timer[] = [];
  private nextSeq = 1;
  private cancelled = new Set<number>();
  private foreground = 0;

  add(t: Omit<Timer, 'seq'>): number {
    const timer: Timer = { ...t, seq: this.nextSeq++ };
    this.heap.push(timer);
    this.up(this.heap.length - 1);
    if (!timer.background) this.foreground++;
    return timer.seq;
  }

  cancel(seq: number): void {
    if (this.heap.some((t) => t.seq === seq)) this.cancelled.add(seq);
  }

  /** The next live timer, without removing it. */
  peek(): Timer | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  pop(): Timer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top) return undefined;
    this.removeTop();
    if (!top.background) this.foreground--;
    return top;
  }

  /** True when some non-background timer is pending. */
  hasForeground(): boolean {
    return this.foreground > 0;
  }

  get size(): number {
    return this.heap.length - this.cancelled.size;
  }

  /** Pending timers in firing order, as data (for snapshots and the UI). */
  list(): Timer[] {
    return this.heap
      .filter((t) => !this.cancelled.has(t.seq))
      .sort((a, b) => a.at - b.at || a.seq - b.seq)
      .map((t) => ({ ...t }));
  }

  snapshot(): { nextSeq: number; timers: Timer[] } {
    return { nextSeq: this.nextSeq, timers: this.list() };
  }

  restore(s: { nextSeq: number; timers: Timer[] }): void {
    this.heap = [];
    this.cancelled.clear();
    this.foreground = 0;
    for (const t of s.timers) {
      this.heap.push({ ...t });
      this.up(this.heap.length - 1);
      if (!t.background) this.foreground++;
    }
    this.nextSeq = s.nextSeq;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.cancelled.has(this.heap[0].seq)) {
      const t = this.heap[0];
      this.cancelled.delete(t.seq);
      this.removeTop();
      if (!t.background) this.foreground--;
    }
  }

  private removeTop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}

/** RFC 3339 with second precision, as Kubernetes writes metadata timestamps. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as Kubernetes writes MicroTime (events, leases). */
export function rfc3339Micro(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function parseTime(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/** Parses Go-style durations used in scripts and flags: `500ms`, `10s`, `2m`, `1h30m`, `1.5s`. */
export function parseDuration(s: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  if (!/^(\d+(?:\.\d+)?(ms|s|m|h))+$/.test(s)) {
    return /^\d+$/.test(s) ? Number(s) * 1000 : undefined;
  }
  let total = 0;
  for (const m of s.matchAll(re)) {
    const n = Number(m[1]);
    total +=
      m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
  }
  return Math.round(total);
}
