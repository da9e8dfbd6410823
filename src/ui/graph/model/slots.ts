/**
 * Sticky assignments carried from one layout to the next, so nothing jumps when one object changes:
 * pod slots inside their node, and owner colours (a pod chip and its ReplicaSet share a colour
 * instead of an edge across the canvas).
 */
import type { StructRecord } from '../../store/cluster';
import { byAge } from './group';

/** Owner colours; more owners than this share colours (rare on a teaching cluster). */
export const OWNER_COLORS = 8;

/** Gives each item an index: items keep their previous one; new items take the lowest free ones, oldest first. */
export function assignSticky(
  items: StructRecord[],
  prev: Record<string, number> | undefined,
  limit = Infinity,
): Record<string, number> {
  const out: Record<string, number> = {};
  const used = new Set<number>();
  for (const p of items) {
    const s = prev?.[p.uid];
    if (s !== undefined && !used.has(s)) {
      out[p.uid] = s;
      used.add(s);
    }
  }
  let next = 0;
  for (const p of [...items].sort(byAge)) {
    if (out[p.uid] !== undefined) continue;
    while (used.has(next) && next < limit) next++;
    if (next >= limit) {
      // Every colour is taken: share one, spread by age.
      out[p.uid] = Object.keys(out).length % limit;
      continue;
    }
    out[p.uid] = next;
    used.add(next);
  }
  return out;
}

/** Pod slots inside one node (unbounded). */
export const assignSlots = (pods: StructRecord[], prev: Record<string, number> | undefined) =>
  assignSticky(pods, prev);

/** Colour index per owner uid (workloads that own visible pods). */
export const assignColors = (owners: StructRecord[], prev: Record<string, number> | undefined) =>
  assignSticky(owners, prev, OWNER_COLORS);
