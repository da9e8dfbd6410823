/**
 * Seeded randomness with one independent stream per component, so that a change in how often one
 * component draws never shifts another component's choices. The generator is sfc32 seeded through
 * splitmix32 from (seed, hash(stream name)); its four words of state are plain data.
 */

export type RngState = [number, number, number, number];

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t = t ^ (t >>> 15);
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

export class RngStream {
  constructor(private s: RngState) {}

  /** A uniformly distributed uint32. */
  nextU32(): number {
    let [a, b, c, d] = this.s;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.s = [a, b, c, d];
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A float in [min, max). */
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  state(): RngState {
    return [...this.s] as RngState;
  }
}

export class Rng {
  private streams = new Map<string, RngStream>();

  constructor(readonly seed: number) {}

  stream(name: string): RngStream {
    let s = this.streams.get(name);
    if (!s) {
      const mix = splitmix32((this.seed ^ fnv1a(name)) >>> 0);
      s = new RngStream([mix(), mix(), mix(), mix()]);
      for (let i = 0; i < 12; i++) s.nextU32();
      this.streams.set(name, s);
    }
    return s;
  }

  snapshot(): Record<string, RngState> {
    const out: Record<string, RngState> = {};
    for (const name of [...this.streams.keys()].sort()) out[name] = this.streams.get(name)!.state();
    return out;
  }

  restore(state: Record<string, RngState>): void {
    this.streams.clear();
    for (const [name, s] of Object.entries(state))
      this.streams.set(name, new RngStream([...s] as RngState));
  }
}

/** Alphabet of apimachinery's rand.String: no vowels, no 0/1/3, so names never spell words. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.String(n) from `kubernetes/apimachinery:pkg/util/rand/rand.go`. */
export function randomSuffix(r: RngStream, n = 5): string {
  let out = '';
  for (let i = 0; i < n; i++) out += NAME_ALPHABET[r.int(NAME_ALPHABET.length)];
  return out;
}

/** rand.SafeEncodeString: maps each character to alphanums[c % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

export { fnv1a };
