import { describe, expect, it } from 'vitest';
import { backoffNext, goDuration, isInBackOffSince, type BackoffTable } from './backoff';
import { CONTAINER_BACKOFF_MS, MAX_CONTAINER_BACKOFF_MS } from './constants';

const policy = { initialMs: CONTAINER_BACKOFF_MS, maxMs: MAX_CONTAINER_BACKOFF_MS };

describe('flowcontrol backoff', () => {
  it('doubles 10s → 300s and stays there', () => {
    const t: BackoffTable = {};
    const seen: number[] = [];
    for (let i = 0; i < 8; i++)
      seen.push(backoffNext(t, 'c', i * 1000, i * 1000, policy).backoffMs / 1000);
    expect(seen).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('expires after 2 × max (10 minutes) without an update', () => {
    const t: BackoffTable = {};
    backoffNext(t, 'c', 0, 0, policy);
    backoffNext(t, 'c', 0, 0, policy);
    expect(isInBackOffSince(t, 'c', 1000, 2000, policy)).toBe(true);
    expect(isInBackOffSince(t, 'c', 600_001, 600_002, policy)).toBe(false);
    expect(backoffNext(t, 'c', 600_001, 600_001, policy).backoffMs).toBe(10_000);
  });

  it.each([
    [10_000, '10s'],
    [80_000, '1m20s'],
    [300_000, '5m0s'],
    [3_162, '3.162s'],
    [3_200, '3.2s'],
    [500, '500ms'],
  ])('formats %d ms as %s', (ms, s) => expect(goDuration(ms)).toBe(s));
});
