/**
 * The shape every controller shares (kubernetes/sample-controller): watch handlers enqueue keys;
 * `sync(key)` compares desired with actual state and acts through the API store.
 */
import type { Json } from '../clock';
import type { Component, Simulation } from '../sim';
import type { KObject } from '../api/types';
import type { WatchEvent } from '../api/store';
import { ApiError } from '../api/errors';
import { CONTROLLER_SYNC_DELAY_MS } from '../timing';
import { WorkQueue, type WorkQueueState } from './workqueue';

export function nsName(o: { metadata: { namespace?: string; name: string } }): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/');
  return i < 0
    ? { namespace: undefined, name: key }
    : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

export abstract class Controller implements Component {
  readonly queue: WorkQueue;

  constructor(
    readonly sim: Simulation,
    readonly name: string,
    popDelayMs = CONTROLLER_SYNC_DELAY_MS,
  ) {
    this.queue = new WorkQueue(
      {
        schedulePop: (d) => sim.after(d, this.name, '__pop'),
        scheduleAdd: (key, d, background) => sim.after(d, this.name, '__add', key, background),
      },
      popDelayMs,
    );
  }

  get store() {
    return this.sim.store;
  }

  /** Subscribe to kinds; the handler usually maps an event to keys to enqueue. */
  protected watch(kinds: string[] | null, handler: (e: WatchEvent) => void): void {
    const stop = this.sim.store.watch(kinds, handler);
    this.stops.push(stop);
  }

  private stops: (() => void)[] = [];

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
  }

  /** Reconciles one key. Throwing requeues the key with backoff. */
  protected abstract sync(key: string): void;

  /** Other timers a controller schedules for itself (`sim.after(d, this.name, action, payload)`). */
  protected onAction(_action: string, _payload: Json): void {}

  onTimer(action: string, payload: Json): void {
    if (action === '__add') {
      this.queue.add(payload as string);
      return;
    }
    if (action !== '__pop') {
      this.onAction(action, payload);
      return;
    }
    const key = this.queue.pop();
    if (key === undefined) return;
    try {
      this.sync(key);
      this.queue.forget(key);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.queue.addRateLimited(key);
    }
  }

  enqueue(o: KObject): void {
    this.queue.add(nsName(o));
  }

  /** Controller-specific state beyond the queue (expectations, backoffs). */
  protected saveState(): Json {
    return null;
  }

  protected loadState(_s: Json): void {}

  snapshot(): Json {
    return { queue: this.queue.snapshot(), state: this.saveState() };
  }

  restore(s: Json): void {
    const o = s as { queue: WorkQueueState; state: Json };
    this.queue.restore(o.queue);
    this.loadState(o.state);
  }
}
