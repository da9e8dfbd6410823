import { describe, expect, it } from 'vitest';
import { NAME_ALPHABET, randomSuffix, Rng, safeEncodeString } from './rng';

describe('Rng', () => {
  it('gives the same sequence for the same seed and stream', () => {
    const a = new Rng(42).stream('scheduler');
    const b = new Rng(42).stream('scheduler');
    expect(Array.from({ length: 20 }, () => a.nextU32())).toEqual(
      Array.from({ length: 20 }, () => b.nextU32()),
    );
  });

  it('keeps streams independent: drawing from one never shifts another', () => {
    const r1 = new Rng(7);
    const r2 = new Rng(7);
    for (let i = 0; i < 100; i++) r1.stream('kubelet').next();
    expect(r1.stream('apiserver/names').nextU32()).toBe(r2.stream('apiserver/names').nextU32());
  });

  it('differs between seeds', () => {
    expect(new Rng(1).stream('x').nextU32()).not.toBe(new Rng(2).stream('x').nextU32());
  });

  it('restores from a snapshot', () => {
    const r = new Rng(3);
    r.stream('a').next();
    const snap = JSON.parse(JSON.stringify(r.snapshot()));
    const expected = r.stream('a').nextU32();
    const r2 = new Rng(999);
    r2.restore(snap);
    expect(r2.stream('a').nextU32()).toBe(expected);
  });

  it('spreads int(n) roughly uniformly', () => {
    const s = new Rng(5).stream('u');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[s.int(4)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe('names', () => {
  it('uses the apimachinery alphabet for generated suffixes', () => {
    const s = new Rng(1).stream('n');
    for (let i = 0; i < 100; i++)
      expect(randomSuffix(s)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(NAME_ALPHABET).toHaveLength(27);
  });

  it('SafeEncodeString maps decimal digits as apimachinery does (0→4 … 9→f)', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});
