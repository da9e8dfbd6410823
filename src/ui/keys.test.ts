import { describe, expect, it } from 'vitest';
import { nextSpeed } from './keys';

describe('nextSpeed', () => {
  it.each([
    [1, 1, 2],
    [1, -1, 0.5],
    [50, 1, 50],
    [0.25, -1, 0.25],
    [3, 1, 5],
    [3, -1, 2],
  ] as const)('from %s going %s gives %s', (from, dir, to) => {
    expect(nextSpeed(from, dir)).toBe(to);
  });
});
