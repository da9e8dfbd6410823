/**
 * The simulation: virtual clock, timer queue, seeded randomness, the API store and the components
 * that watch it. Components never call each other; they react to watch events by queueing work
 * and act through the store, as Kubernetes components do through the API server.
 */
import { TimerQueue, type Json, type Timer } from './clock';
import { Rng, type RngState, type RngStream } from './rng';
import { ApiStore } from './api/store';
import type { KObject } from './api/types';
import { Trace } from './trace';
import type { ClusterConfig } from './config';
import { deepClone } from './api/types';

export interface Component {
  /** Unique name, e.g. `kube-scheduler`, `replicaset-controller`, `kubelet/node-1`. */
  readonly name: string;
  /** Called once on a fresh start, never after a restore: list existing objects, queue work. */
  start?(): void;
  onTimer(action: string, payload: Json): void;
  snapshot?(): Json;
  restore?(state: Json): void;
  /** Called when the component is removed (a node deleted): drop watches. */
  stop?(): void;
}

export interface SimSnapshot {
  version: 1;
  config: ClusterConfig;
  now: number;
  timers: { nextSeq: number; timers: Timer[] };
  rng: Record<string, RngState>;
  store: { rv: number; objects: KObject[] };
  components: Record<string, Json>;
  trace: ReturnType<Trace['snapshot']>;
  /** Free-form state of playground-level services (traffic generators, request log). */
  extras: Record<string, Json>;
}

/** Builds the components of a simulation; installed by `createSimulation` (see cluster/). */
export type ComponentFactory = (sim: Simulation) => Component[];

export interface Extension {
  readonly name: string;
  snapshot(): Json;
  restore(s: Json): void;
}

export class Simulation {
  readonly timers = new TimerQueue();
  readonly rngs: Rng;
  readonly store: ApiStore;
  readonly trace = new Trace();
  private clock: number;
  private components = new Map<string, Component>();
  private extensions = new Map<string, Extension>();
  private currentTimer: Timer | undefined;

  /** `clockStart` defaults to the scenario's start; createSimulation starts earlier to warm up. */
  constructor(
    readonly config: ClusterConfig,
    clockStart = config.startTime,
  ) {
    this.clock = clockStart;
    this.rngs = new Rng(config.seed);
    this.store = new ApiStore({ now: () => this.clock, rng: (s) => this.rngs.stream(s) });
    this.store.watch(null, (e) => {
      const md = e.object.metadata;
      this.trace.add(
        this.clock,
        'apiserver',
        `${e.type} ${e.object.kind} ${md.namespace ?? ''}/${md.name} rv=${md.resourceVersion}`,
      );
    });
  }

  now(): number {
    return this.clock;
  }

  rng(stream: string): RngStream {
    return this.rngs.stream(stream);
  }

  // ------------------------------------------------------------ components

  register(c: Component): void {
    if (this.components.has(c.name)) throw new Error(`component ${c.name} registered twice`);
    this.components.set(c.name, c);
  }

  unregister(name: string): void {
    this.components.get(name)?.stop?.();
    this.components.delete(name);
  }

  component<T extends Component>(name: string): T | undefined {
    return this.components.get(name) as T | undefined;
  }

  componentNames(): string[] {
    return [...this.components.keys()];
  }

  /** Playground-level state that is not a component but must survive snapshots (traffic, request log). */
  registerExtension(e: Extension): void {
    this.extensions.set(e.name, e);
  }

  extension<T extends Extension>(name: string): T | undefined {
    return this.extensions.get(name) as T | undefined;
  }

  /** Calls start() on every registered component, in registration order. */
  startAll(): void {
    for (const c of [...this.components.values()]) c.start?.();
  }

  // ------------------------------------------------------------ timers

  /** Schedules `component.onTimer(action, payload)` after `delayMs` of simulated time. */
  after(
    delayMs: number,
    component: string,
    action: string,
    payload: Json = null,
    background = false,
  ): number {
    return this.timers.add({
      at: this.clock + Math.max(0, delayMs),
      component,
      action,
      payload,
      background,
    });
  }

  at(
    time: number,
    component: string,
    action: string,
    payload: Json = null,
    background = false,
  ): number {
    return this.timers.add({
      at: Math.max(time, this.clock),
      component,
      action,
      payload,
      background,
    });
  }

  cancel(seq: number): void {
    this.timers.cancel(seq);
  }

  /** The timer being processed right now (for the UI's control-plane view and for tracing). */
  get current(): Timer | undefined {
    return this.currentTimer;
  }

  // ------------------------------------------------------------ running

  /** Processes exactly one timer (the next one), moving the clock to its time. False if none. */
  step(): boolean {
    const t = this.timers.pop();
    if (!t) return false;
    if (t.at > this.clock) this.clock = t.at;
    const c = this.components.get(t.component);
    this.currentTimer = t;
    this.trace.add(
      this.clock,
      t.component,
      `${t.action} ${t.payload === null ? '' : JSON.stringify(t.payload)}`,
    );
    try {
      c?.onTimer(t.action, t.payload);
    } finally {
      this.currentTimer = undefined;
    }
    return true;
  }

  /** Runs every timer due at or before `time`, then sets the clock to `time`. */
  advanceTo(time: number): void {
    for (;;) {
      const next = this.timers.peek();
      if (!next || next.at > time) break;
      this.step();
    }
    if (time > this.clock) this.clock = time;
  }

  advance(ms: number): void {
    this.advanceTo(this.clock + ms);
  }

  /** Finishes all work due at the current instant. */
  settle(): void {
    this.advanceTo(this.clock);
  }

  /**
   * Runs until `done()` holds (checked after every timer), or until `timeoutAt`; with `untilIdle`,
   * also stops when only background timers remain. Returns whether `done()` held.
   */
  runUntil(done: () => boolean, timeoutAt: number, opts: { untilIdle?: boolean } = {}): boolean {
    this.settle();
    if (done()) return true;
    for (;;) {
      if (opts.untilIdle && !this.timers.hasForeground()) return done();
      const next = this.timers.peek();
      if (!next || next.at > timeoutAt) {
        if (timeoutAt > this.clock && Number.isFinite(timeoutAt)) this.clock = timeoutAt;
        return done();
      }
      this.step();
      if (done()) {
        this.settle();
        return true;
      }
    }
  }

  /** Runs until no foreground work remains (or `maxMs` of simulated time passes). */
  runUntilIdle(maxMs = 3_600_000): boolean {
    const limit = this.clock + maxMs;
    for (;;) {
      if (!this.timers.hasForeground()) return true;
      const next = this.timers.peek();
      if (!next || next.at > limit) {
        this.clock = Math.max(this.clock, Math.min(limit, next?.at ?? limit));
        return false;
      }
      this.step();
    }
  }

  // ------------------------------------------------------------ snapshots

  snapshot(): SimSnapshot {
    const components: Record<string, Json> = {};
    for (const [name, c] of this.components) if (c.snapshot) components[name] = c.snapshot();
    const extras: Record<string, Json> = {};
    for (const [name, e] of this.extensions) extras[name] = e.snapshot();
    return {
      version: 1,
      config: deepClone(this.config),
      now: this.clock,
      timers: this.timers.snapshot(),
      rng: this.rngs.snapshot(),
      store: this.store.snapshot(),
      components: deepClone(components),
      trace: this.trace.snapshot(),
      extras: deepClone(extras),
    };
  }

  /**
   * Restores state into a simulation whose components are already registered (see
   * `restoreSimulation` in cluster/create.ts, which rebuilds components from the snapshot).
   */
  restoreState(s: SimSnapshot): void {
    this.clock = s.now;
    this.timers.restore(s.timers);
    this.rngs.restore(s.rng);
    this.store.restore(s.store);
    this.trace.restore(s.trace);
    for (const [name, c] of this.components) {
      const st = s.components[name];
      if (st !== undefined && c.restore) c.restore(deepClone(st));
    }
    for (const [name, e] of this.extensions) {
      const st = s.extras[name];
      if (st !== undefined) e.restore(deepClone(st));
    }
  }
}
