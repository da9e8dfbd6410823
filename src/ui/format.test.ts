import { describe, expect, it } from 'vitest';
import { clockText, cpuText, memText, percent } from './format';

describe('format', () => {
  it.each([
    [Date.parse('2026-01-05T09:00:07Z'), '09:00:07'],
    [0, '--:--:--'],
  ])('clockText(%s) = %s', (ms, text) => expect(clockText(ms)).toBe(text));

  it.each([
    [250, 4000, 6],
    [5000, 4000, 100],
    [1, 0, 0],
  ])('percent(%s, %s) = %s', (u, t, p) => expect(percent(u, t)).toBe(p));

  it('formats quantities as kubectl does', () => {
    expect(cpuText(2000)).toBe('2');
    expect(cpuText(350)).toBe('350m');
    expect(memText(64 * 2 ** 20)).toBe('64Mi');
    expect(memText(7.9 * 2 ** 30)).toBe('7.9Gi');
  });
});
