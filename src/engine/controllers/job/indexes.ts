/** Completion indexes of Indexed Jobs (k/k:pkg/controller/job/indexed_job_utils.go). */
import type { KObject } from '../../api/types';
import { COMPLETION_INDEX } from './job';

function parseIndexes(s: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (s ?? '').split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.add(i);
  }
  return out;
}

/** completedIndexes in the compressed `1,3-5` form. */
export function addIndex(s: string | undefined, idx: string | undefined): string {
  const set = parseIndexes(s);
  if (idx !== undefined && /^\d+$/.test(idx)) set.add(Number(idx));
  const sorted = [...set].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function freeIndexes(
  job: KObject,
  active: KObject[],
  n: number,
  completed: string,
): number[] {
  const done = parseIndexes(completed);
  const running = new Set(active.map((p) => Number(p.metadata.annotations?.[COMPLETION_INDEX])));
  const out: number[] = [];
  for (let i = 0; i < (job.spec.completions ?? 1) && out.length < n; i++)
    if (!done.has(i) && !running.has(i)) out.push(i);
  return out;
}
