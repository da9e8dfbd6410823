/**
 * kube-scheduler with the default profile (`k/k:pkg/scheduler/scheduler.go`, `schedule_one.go`).
 * Watch handlers only move pods between queues; each `scheduleOne` timer takes one pod from
 * activeQ through a scheduling cycle, and binding follows after a round trip to the API server.
 */
import type { Json } from '../clock';
import type { Component, Simulation } from '../sim';
import type { KObject } from '../api/types';
import type { WatchEvent } from '../api/store';
import { ApiError } from '../api/errors';
import { isPodTerminal } from '../api/podutil';
import { nsName, splitKey } from '../controllers/controller';
import { SCHEDULER_BIND_DELAY_MS, SCHEDULER_DELAY_MS } from '../timing';
import { SCHEDULER_NAME, UNSCHEDULABLE_FLUSH_PERIOD_MS } from './constants';
import { SchedulingQueue, type QueueState } from './queue';
import { DecisionLog } from './decisions';
import {
  ASSIGNED_POD_ADDED,
  ASSIGNED_POD_DELETED,
  assignedPodUpdatePlugins,
  isPodUpdated,
  nodeUpdatePlugins,
} from './events';
import { runCycle, type Assumed } from './cycle';
import { bindPod } from './effects';
import { podPriority } from './nodeinfo';

interface SchedulerSnapshot {
  queue: QueueState;
  assumed: Record<string, Assumed>;
  nextStartNodeIndex: number;
  decisions: Json;
  popPending: boolean;
  flushPending: boolean;
  backoffTimerAt: number | null;
  [k: string]: Json;
}

/** Pods this scheduler is responsible for: unbound, ours, not terminating, not gated. */
export function responsibleFor(p: KObject): boolean {
  return (
    !p.spec?.nodeName &&
    (p.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
    !p.metadata.deletionTimestamp &&
    !isPodTerminal(p) &&
    (p.spec?.schedulingGates ?? []).length === 0
  );
}

export class Scheduler implements Component {
  readonly name = SCHEDULER_NAME;
  readonly queue = new SchedulingQueue();
  readonly decisions = new DecisionLog();
  assumed: Record<string, Assumed> = {};
  nextStartNodeIndex = 0;
  /** Plugins helped by events seen while a pod is in its scheduling cycle (`moveRequestCycle`). */
  inFlight: { plugins: Set<string>; all: boolean } | null = null;
  private popPending = false;
  private flushPending = false;
  private backoffTimerAt: number | null = null;
  private stops: (() => void)[] = [];

  constructor(readonly sim: Simulation) {
    this.stops.push(sim.store.watch(['Pod'], (e) => this.onPod(e)));
    this.stops.push(sim.store.watch(['Node'], (e) => this.onNode(e)));
  }

  start(): void {
    for (const p of this.sim.store.list('Pod'))
      if (responsibleFor(p))
        this.queue.add(nsName(p), p.metadata.uid, podPriority(p), this.sim.now());
    this.afterQueueChange();
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
  }

  // ------------------------------------------------------------ watch handlers

  private onPod(e: WatchEvent): void {
    const p = e.object;
    const key = nsName(p);
    const now = this.sim.now();
    if (e.type === 'DELETED') {
      this.queue.delete(key);
      const wasAssumed = this.assumed[key]?.uid === p.metadata.uid;
      if (wasAssumed) delete this.assumed[key];
      if ((e.old ?? p).spec?.nodeName || wasAssumed) this.moveAll(ASSIGNED_POD_DELETED);
      this.afterQueueChange();
      return;
    }
    if (p.spec?.nodeName) {
      this.queue.delete(key);
      if (this.assumed[key]?.uid === p.metadata.uid) delete this.assumed[key];
      if (!e.old?.spec?.nodeName) this.moveAll(ASSIGNED_POD_ADDED);
      else {
        const plugins = assignedPodUpdatePlugins(e.old, p);
        if (plugins) this.moveAll(plugins);
      }
    } else if (!responsibleFor(p)) {
      this.queue.delete(key);
    } else if (!this.queue.has(key) && !this.assumed[key]) {
      this.queue.add(key, p.metadata.uid, podPriority(p), now);
    } else if (e.old && isPodUpdated(e.old, p)) {
      this.queue.requeueUpdated(key, now);
    }
    this.afterQueueChange();
  }

  private onNode(e: WatchEvent): void {
    if (e.type === 'ADDED') this.moveAll(null);
    else if (e.type === 'MODIFIED' && e.old) {
      const plugins = nodeUpdatePlugins(e.old, e.object);
      if (plugins.size > 0) this.moveAll(plugins);
    }
    this.afterQueueChange();
  }

  private moveAll(plugins: ReadonlySet<string> | null): void {
    if (this.inFlight) {
      if (plugins === null) this.inFlight.all = true;
      else for (const x of plugins) this.inFlight.plugins.add(x);
    }
    this.queue.moveAllToActiveOrBackoff(plugins, this.sim.now());
  }

  // ------------------------------------------------------------ timers

  /** Arms the timers the queues need: the next pop, the next backoff expiry, the leftover flush. */
  afterQueueChange(): void {
    if (this.queue.active.length > 0 && !this.popPending) {
      this.popPending = true;
      this.sim.after(SCHEDULER_DELAY_MS, this.name, 'scheduleOne');
    }
    const next = this.queue.nextBackoffExpiry();
    if (next !== undefined && (this.backoffTimerAt === null || next < this.backoffTimerAt)) {
      this.backoffTimerAt = next;
      this.sim.at(next, this.name, 'flushBackoff', next);
    }
    if (this.queue.unschedulable.length > 0 && !this.flushPending) {
      this.flushPending = true;
      this.sim.after(UNSCHEDULABLE_FLUSH_PERIOD_MS, this.name, 'flushUnschedulable', null, true);
    }
  }

  onTimer(action: string, payload: Json): void {
    const now = this.sim.now();
    switch (action) {
      case 'scheduleOne': {
        this.popPending = false;
        const info = this.queue.pop();
        if (info) runCycle(this, info);
        break;
      }
      case 'bind':
        this.bind(payload as { key: string; uid: string; node: string });
        break;
      case 'flushBackoff':
        if (payload === this.backoffTimerAt) this.backoffTimerAt = null;
        this.queue.flushBackoffCompleted(now);
        break;
      case 'flushUnschedulable':
        this.flushPending = false;
        this.queue.flushUnschedulableLeftover(now);
        break;
    }
    this.afterQueueChange();
  }

  /** Schedules the bind call for an assumed pod. */
  scheduleBind(key: string, uid: string, node: string): void {
    this.assumed[key] = { uid, node };
    this.sim.after(SCHEDULER_BIND_DELAY_MS, this.name, 'bind', { key, uid, node });
  }

  private bind(b: { key: string; uid: string; node: string }): void {
    const { namespace, name } = splitKey(b.key);
    const pod = this.sim.store.get('Pod', namespace, name);
    const current = this.assumed[b.key];
    if (
      !pod ||
      pod.metadata.uid !== b.uid ||
      pod.spec?.nodeName ||
      pod.metadata.deletionTimestamp ||
      current?.uid !== b.uid
    ) {
      if (current?.uid === b.uid) delete this.assumed[b.key];
      return;
    }
    try {
      bindPod(this.sim, pod, b.node);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // ForgetPod, then retry with backoff as handleBindingCycleError does.
      delete this.assumed[b.key];
      this.queue.addBackoff(
        {
          key: b.key,
          uid: b.uid,
          priority: podPriority(pod),
          timestamp: this.sim.now(),
          attempts: 1,
          unschedulablePlugins: [],
          seq: 0,
        },
        this.sim.now(),
      );
    }
  }

  // ------------------------------------------------------------ snapshots

  snapshot(): Json {
    const s: SchedulerSnapshot = {
      queue: this.queue.snapshot(),
      assumed: { ...this.assumed },
      nextStartNodeIndex: this.nextStartNodeIndex,
      decisions: this.decisions.snapshot(),
      popPending: this.popPending,
      flushPending: this.flushPending,
      backoffTimerAt: this.backoffTimerAt,
    };
    return JSON.parse(JSON.stringify(s)) as Json;
  }

  restore(state: Json): void {
    const s = state as unknown as SchedulerSnapshot;
    this.queue.restore(s.queue);
    this.assumed = { ...s.assumed };
    this.nextStartNodeIndex = s.nextStartNodeIndex;
    this.decisions.restore(s.decisions);
    this.popPending = s.popPending;
    this.flushPending = s.flushPending;
    this.backoffTimerAt = s.backoffTimerAt;
  }
}
