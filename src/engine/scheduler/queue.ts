/**
 * The scheduling queue (`k/k:pkg/scheduler/backend/queue/scheduling_queue.go PriorityQueue`):
 * activeQ ordered by PrioritySort, backoffQ ordered by backoff expiry, and unschedulablePods that
 * wait for a cluster event (or 5 minutes) before they are tried again. Plain data for snapshots.
 */
import {
  POD_INITIAL_BACKOFF_MS,
  POD_MAX_BACKOFF_MS,
  POD_MAX_IN_UNSCHEDULABLE_PODS_MS,
} from './constants';

export interface QueuedPodInfo {
  /** namespace/name */
  key: string;
  uid: string;
  priority: number;
  /** When the pod was (re)added to the queue; PrioritySort's tie-breaker and the backoff base. */
  timestamp: number;
  /** Scheduling attempts so far (incremented on pop). */
  attempts: number;
  /** Plugins that rejected the pod in its last attempt (which cluster events can help it). */
  unschedulablePlugins: string[];
  /** Insertion order, so equal pods keep a stable order. */
  seq: number;
  [k: string]: string | number | string[];
}

export interface QueueState {
  active: QueuedPodInfo[];
  backoff: QueuedPodInfo[];
  unschedulable: QueuedPodInfo[];
  seq: number;
  [k: string]: QueuedPodInfo[] | number;
}

/** `calculateBackoffDuration`: 1 s doubled per attempt after the first, capped at 10 s. */
export function backoffDuration(attempts: number): number {
  let d = POD_INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > POD_MAX_BACKOFF_MS) return POD_MAX_BACKOFF_MS;
  }
  return d;
}

export function backoffExpiry(p: QueuedPodInfo): number {
  return p.timestamp + backoffDuration(p.attempts);
}

/** PrioritySort `Less`: higher priority first, then earlier queue time. */
function lessActive(a: QueuedPodInfo, b: QueuedPodInfo): number {
  return b.priority - a.priority || a.timestamp - b.timestamp || a.seq - b.seq;
}

function insertSorted(
  list: QueuedPodInfo[],
  p: QueuedPodInfo,
  cmp: (a: QueuedPodInfo, b: QueuedPodInfo) => number,
): void {
  let i = list.length;
  while (i > 0 && cmp(list[i - 1], p) > 0) i--;
  list.splice(i, 0, p);
}

export class SchedulingQueue {
  private s: QueueState = { active: [], backoff: [], unschedulable: [], seq: 0 };

  snapshot(): QueueState {
    return JSON.parse(JSON.stringify(this.s)) as QueueState;
  }

  restore(s: QueueState): void {
    this.s = JSON.parse(JSON.stringify(s)) as QueueState;
  }

  get active(): readonly QueuedPodInfo[] {
    return this.s.active;
  }

  get backoff(): readonly QueuedPodInfo[] {
    return this.s.backoff;
  }

  get unschedulable(): readonly QueuedPodInfo[] {
    return this.s.unschedulable;
  }

  has(key: string): boolean {
    return this.find(key) !== undefined;
  }

  find(key: string): QueuedPodInfo | undefined {
    return (
      this.s.active.find((p) => p.key === key) ??
      this.s.backoff.find((p) => p.key === key) ??
      this.s.unschedulable.find((p) => p.key === key)
    );
  }

  /** A new pending pod goes straight to activeQ. */
  add(key: string, uid: string, priority: number, now: number): void {
    if (this.has(key)) return;
    insertSorted(
      this.s.active,
      {
        key,
        uid,
        priority,
        timestamp: now,
        attempts: 0,
        unschedulablePlugins: [],
        seq: this.s.seq++,
      },
      lessActive,
    );
  }

  delete(key: string): void {
    for (const q of ['active', 'backoff', 'unschedulable'] as const)
      this.s[q] = this.s[q].filter((p) => p.key !== key);
  }

  /** Pops the head of activeQ, counting the attempt. */
  pop(): QueuedPodInfo | undefined {
    const p = this.s.active.shift();
    if (p) p.attempts++;
    return p;
  }

  /**
   * `AddUnschedulableIfNotPresent`: after a failed attempt the pod waits in unschedulablePods, or
   * in backoffQ when a relevant cluster event happened while it was being scheduled.
   */
  addUnschedulable(p: QueuedPodInfo, plugins: string[], now: number, moveRequested: boolean): void {
    this.delete(p.key);
    const info = { ...p, timestamp: now, unschedulablePlugins: [...plugins].sort() };
    if (moveRequested)
      insertSorted(
        this.s.backoff,
        info,
        (a, b) => backoffExpiry(a) - backoffExpiry(b) || a.seq - b.seq,
      );
    else this.s.unschedulable.push(info);
  }

  /** Requeues a pod whose binding failed (errors go to backoffQ). */
  addBackoff(p: QueuedPodInfo, now: number): void {
    this.addUnschedulable(p, [], now, true);
  }

  private moveOut(p: QueuedPodInfo, now: number): void {
    if (backoffExpiry(p) > now)
      insertSorted(
        this.s.backoff,
        p,
        (a, b) => backoffExpiry(a) - backoffExpiry(b) || a.seq - b.seq,
      );
    else insertSorted(this.s.active, p, lessActive);
  }

  /**
   * `MoveAllToActiveOrBackoffQueue` for an event that can help pods rejected by `plugins`
   * (null: any pod). Returns how many pods moved.
   */
  moveAllToActiveOrBackoff(plugins: ReadonlySet<string> | null, now: number): number {
    const keep: QueuedPodInfo[] = [];
    let moved = 0;
    for (const p of this.s.unschedulable) {
      const helps =
        plugins === null ||
        p.unschedulablePlugins.length === 0 ||
        p.unschedulablePlugins.some((x) => plugins.has(x));
      if (helps) {
        this.moveOut(p, now);
        moved++;
      } else keep.push(p);
    }
    this.s.unschedulable = keep;
    return moved;
  }

  /** A spec change of an unschedulable pod may make it schedulable (`isPodUpdated`). */
  requeueUpdated(key: string, now: number): void {
    const i = this.s.unschedulable.findIndex((p) => p.key === key);
    if (i < 0) return;
    const [p] = this.s.unschedulable.splice(i, 1);
    this.moveOut(p, now);
  }

  /** `flushBackoffQCompleted`: pods whose backoff expired move to activeQ. */
  flushBackoffCompleted(now: number): number {
    let n = 0;
    while (this.s.backoff.length > 0 && backoffExpiry(this.s.backoff[0]) <= now) {
      insertSorted(this.s.active, this.s.backoff.shift()!, lessActive);
      n++;
    }
    return n;
  }

  /** `flushUnschedulablePodsLeftover`: pods that waited longer than 5 minutes are retried. */
  flushUnschedulableLeftover(now: number): number {
    const keep: QueuedPodInfo[] = [];
    let n = 0;
    for (const p of this.s.unschedulable) {
      if (now - p.timestamp > POD_MAX_IN_UNSCHEDULABLE_PODS_MS) {
        this.moveOut(p, now);
        n++;
      } else keep.push(p);
    }
    this.s.unschedulable = keep;
    return n;
  }

  nextBackoffExpiry(): number | undefined {
    return this.s.backoff.length > 0 ? backoffExpiry(this.s.backoff[0]) : undefined;
  }
}
