/**
 * A de-duplicating work queue with per-item exponential backoff, as client-go's
 * `workqueue.RateLimitingInterface`: event handlers only add keys; one key at a time is handed to
 * the controller's sync. Its whole state is plain data so it survives snapshots.
 */
import type { Json } from '../clock';

/** client-go DefaultControllerRateLimiter: per-item exponential 5 ms .. 1000 s. */
export const RATE_LIMIT_BASE_MS = 5;
export const RATE_LIMIT_MAX_MS = 1_000_000;

export interface WorkQueueState {
  queue: string[];
  failures: Record<string, number>;
  scheduled: boolean;
  [k: string]: Json;
}

export interface WorkQueueHost {
  /** Schedules the queue's next pop after `delayMs` (an engine timer owned by the controller). */
  schedulePop(delayMs: number): void;
  /** Schedules `add(key)` after `delayMs` (a background timer does not keep the cluster busy). */
  scheduleAdd(key: string, delayMs: number, background?: boolean): void;
}

export class WorkQueue {
  private queue: string[] = [];
  private queued = new Set<string>();
  private failures = new Map<string, number>();
  private scheduled = false;

  constructor(
    private host: WorkQueueHost,
    private popDelayMs: number,
  ) {}

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.ensureScheduled();
  }

  /**
   * Re-queues `key` after `delayMs`. `background` marks a re-check that only confirms the present
   * state (a progress deadline that may never pass), so it does not keep the cluster "busy".
   */
  addAfter(key: string, delayMs: number, background = false): void {
    if (delayMs <= 0) this.add(key);
    else this.host.scheduleAdd(key, delayMs, background);
  }

  /** Re-queues after this item's next backoff step (5 ms, 10 ms, 20 ms, ...). */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(RATE_LIMIT_BASE_MS * 2 ** n, RATE_LIMIT_MAX_MS));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Takes the next key (called from the controller's pop timer). */
  pop(): string | undefined {
    this.scheduled = false;
    const key = this.queue.shift();
    if (key !== undefined) this.queued.delete(key);
    this.ensureScheduled();
    return key;
  }

  get length(): number {
    return this.queue.length;
  }

  keys(): string[] {
    return [...this.queue];
  }

  snapshot(): WorkQueueState {
    const failures: Record<string, number> = {};
    for (const [k, v] of [...this.failures].sort(([a], [b]) => (a < b ? -1 : 1))) failures[k] = v;
    return { queue: [...this.queue], failures, scheduled: this.scheduled };
  }

  restore(s: WorkQueueState): void {
    this.queue = [...s.queue];
    this.queued = new Set(this.queue);
    this.failures = new Map(Object.entries(s.failures));
    this.scheduled = s.scheduled;
  }

  private ensureScheduled(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    this.host.schedulePop(this.popDelayMs);
  }
}
