/** Small helpers of the worker bridge. */
import { MAX_SPEED, MIN_SPEED } from './protocol';

export function clampSpeed(s: number): number {
  return Number.isFinite(s) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, s)) : 1;
}
