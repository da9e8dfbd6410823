/**
 * The trace: a running hash over everything the simulation does, plus a bounded ring of recent
 * entries for the UI. Same scenario + seed gives the same hash in Node and in the browser worker.
 */

export interface TraceEntry {
  t: number;
  component: string;
  what: string;
}

/** Bounded so a long run cannot grow memory without limit; the hash covers everything. */
export const TRACE_RING_SIZE = 2000;

export class Trace {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;
  private ring: TraceEntry[] = [];
  count = 0;

  add(t: number, component: string, what: string): void {
    const line = `${t}|${component}|${what}\n`;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      this.h1 = Math.imul(this.h1 ^ c, 0x01000193) >>> 0;
      this.h2 = Math.imul(this.h2 ^ c, 0x5bd1e995) >>> 0;
    }
    this.count++;
    this.ring.push({ t, component, what });
    if (this.ring.length > TRACE_RING_SIZE) this.ring.splice(0, this.ring.length - TRACE_RING_SIZE);
  }

  hash(): string {
    return this.h1.toString(16).padStart(8, '0') + this.h2.toString(16).padStart(8, '0');
  }

  recent(n = 100): TraceEntry[] {
    return this.ring.slice(-n);
  }

  snapshot(): { h1: number; h2: number; count: number; ring: TraceEntry[] } {
    return { h1: this.h1, h2: this.h2, count: this.count, ring: this.ring.map((e) => ({ ...e })) };
  }

  restore(s: { h1: number; h2: number; count: number; ring: TraceEntry[] }): void {
    this.h1 = s.h1;
    this.h2 = s.h2;
    this.count = s.count;
    this.ring = s.ring.map((e) => ({ ...e }));
  }
}
