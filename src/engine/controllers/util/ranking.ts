/**
 * Which pods a ReplicaSet deletes first: `ActivePodsWithRanks.Less`
 * (k/k:pkg/controller/controller_utils.go) with PodDeletionCost and LogarithmicScaleDown on, as
 * they are by default.
 */
import type { KObject } from '../../api/types';
import { getCondition, isPodActive, isPodReady } from '../../api/podutil';
import { parseTime } from '../../clock';

/** Annotation read by `helper.GetDeletionCostFromPodAnnotations`. */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export function deletionCost(p: KObject): number {
  const v = p.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[-+]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function readyTime(p: KObject): number | undefined {
  return isPodReady(p) ? parseTime(getCondition(p, 'Ready')?.lastTransitionTime) : undefined;
}

function maxRestarts(p: KObject): number {
  let m = 0;
  for (const c of (p.status?.containerStatuses ?? []) as { restartCount?: number }[])
    m = Math.max(m, c.restartCount ?? 0);
  return m;
}

/** `afterOrZero`: a zero time sorts first, otherwise the later time first. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** `logarithmicRankDiff`: compares floor(log2(age in ns)) buckets. */
function logRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number) => {
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

function compareTimes(
  t1: number | undefined,
  t2: number | undefined,
  a: KObject,
  b: KObject,
  now: number,
): boolean {
  if (t1 === undefined || t2 === undefined) return afterOrZero(t1, t2);
  const d = logRankDiff(t1, t2, now);
  if (d === 0) return a.metadata.uid < b.metadata.uid;
  return d < 0;
}

/** True when pod `a` should be deleted before pod `b`. */
export function lessForDeletion(
  a: KObject,
  rankA: number,
  b: KObject,
  rankB: number,
  now: number,
): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca < cb;
  if (rankA !== rankB) return rankA > rankB;
  if (isPodReady(a) && isPodReady(b)) {
    const ra = readyTime(a);
    const rb = readyTime(b);
    if (ra !== rb) return compareTimes(ra, rb, a, b, now);
  }
  const ma = maxRestarts(a);
  const mb = maxRestarts(b);
  if (ma !== mb) return ma > mb;
  const ta = parseTime(a.metadata.creationTimestamp);
  const tb = parseTime(b.metadata.creationTimestamp);
  if (ta !== tb) return compareTimes(ta, tb, a, b, now);
  return false;
}

/**
 * `getPodsToDelete` + `getPodsRankedByRelatedPodsOnSameNode` (replica_set.go): rank = active
 * related pods on the same node; no sorting when every pod goes.
 */
export function podsToDelete(
  pods: KObject[],
  related: KObject[],
  diff: number,
  now: number,
): KObject[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related)
    if (isPodActive(p))
      onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((p) => ({ p, rank: onNode.get(p.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) =>
    lessForDeletion(x.p, x.rank, y.p, y.rank, now)
      ? -1
      : lessForDeletion(y.p, y.rank, x.p, x.rank, now)
        ? 1
        : 0,
  );
  return ranked.slice(0, diff).map((r) => r.p);
}
