import { describe, expect, it } from 'vitest';
import { localized, stepCommand, stepStates, stepTimes } from './steps';

describe('scenario steps', () => {
  it('marks steps done, current, next and later', () => {
    expect(stepStates(4, -1)).toEqual(['next', 'later', 'later', 'later']);
    expect(stepStates(4, 1)).toEqual(['done', 'current', 'next', 'later']);
    expect(stepStates(2, 1)).toEqual(['done', 'current']);
  });

  it('gives steps without `at` the time of the step before', () => {
    const steps = [
      { run: 'a', line: 1, at: 20_000 },
      { run: 'b', line: 2 },
      { run: 'c', line: 3, at: 60_000 },
    ];
    expect(stepTimes(steps, 1000)).toEqual([21_000, 21_000, 61_000]);
    expect(stepTimes([{ run: 'x', line: 1 }], 1000)).toEqual([1000]);
  });

  it('picks the Korean text when there is one', () => {
    expect(localized({ en: 'Hi', ko: '안녕' }, 'ko')).toBe('안녕');
    expect(localized({ en: 'Hi' }, 'ko')).toBe('Hi');
    expect(localized({ en: 'Hi', ko: '안녕' }, 'en')).toBe('Hi');
    expect(localized(undefined, 'en')).toBeUndefined();
  });

  it('shortens a step script to its first line', () => {
    expect(stepCommand('kubectl get pods')).toBe('kubectl get pods');
    expect(stepCommand('kubectl get pods\nsleep 5s\n')).toBe('kubectl get pods …');
    expect(stepCommand('x'.repeat(60), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
