/**
 * Hosts one simulation in real time: play/pause, single step, speed, run until idle, step back,
 * commands (generators answered as simulated time passes), crash recovery, and per-frame batches.
 * No DOM and no worker globals, so it is tested in Node; `worker.ts` wires it to postMessage.
 */
import { createSimulation, restoreSimulation } from '../engine/cluster/create';
import type { ClusterConfig, ProxyMode } from '../engine/config';
import type { CommandRun, Io, Session, Wait } from '../engine/command';
import type { Simulation, SimSnapshot } from '../engine/sim';
import { parseScenario, type Scenario } from '../scenario/format';
import { scenarioStatements } from '../scenario/run';
import { runLine, ScriptExecutor } from '../scenario/script';
import { stringify } from 'yaml';
import { DiffTracker } from './diff';
import {
  MAX_SNAPSHOTS,
  SNAPSHOT_INTERVAL_MS,
  SNAPSHOT_MIN_WALL_MS,
  type CommandSpec,
  type JournalEntry,
} from './journal';
import { clampSpeed } from './util';
import { TrafficTracker } from './traffic';
import { MANIFESTS_STEP, scenarioPlan, stepInfos } from './steps';
import type { Batch, FromWorkerBody, LineError, ScenarioInfo, TimerView } from './protocol';

/** Wall-clock budget for simulation work per tick, so the worker keeps answering messages. */
export const TICK_BUDGET_MS = 12;
/** Step-count → clock marks kept for step back (older ones fall back to the event's own time). */
export const MAX_CLOCK_MARKS = 100_000;
/** Pending timers listed in a batch (the control-plane view shows the next few). */
export const TIMERS_IN_BATCH = 8;

interface Running {
  gen: CommandRun;
  wait?: Wait;
  uiId?: number;
}

interface Snap {
  steps: number;
  journal: number;
  snap: SimSnapshot;
  /** The scenario step started last when the snapshot was taken. */
  step: number;
}

export type Post = (msg: FromWorkerBody) => void;

const quietIo: Io = { out() {}, err() {} };

export class EngineHost {
  sim!: Simulation;
  private text = '';
  private scenario?: Scenario;
  private steps = 0;
  private journal: JournalEntry[] = [];
  private snaps: Snap[] = [];
  private commands = new Map<number, Running>();
  private nextCmd = 1;
  private replaying = false;
  private diff = new DiffTracker();
  private traffic = new TrafficTracker();
  /** Index of the scenario step started last (MANIFESTS_STEP before the first). */
  private currentStep = MANIFESTS_STEP;
  playing = false;
  speed = 1;
  private fastForward = false;
  private lastSnapAt = 0;
  private lastSnapWall = -Infinity;
  private carry = 0;
  /** The clock right before each recent step (by step count), so step back also restores clock jumps. */
  private clockAt = new Map<number, number>();

  constructor(
    private post: Post,
    private wallNow: () => number,
  ) {}

  // ------------------------------------------------------------ loading

  /** Builds a fresh cluster from scenario text. Returns false (and posts errors) if it does not parse. */
  load(text: string): boolean {
    const parsed = parseScenario(text);
    if (!parsed.ok) {
      this.post({
        type: 'scenario',
        errors: parsed.errors.map((e): LineError => ({ line: e.line, message: e.message })),
      });
      return false;
    }
    const s = parsed.scenario;
    const { errors } = scenarioStatements(s);
    this.text = text;
    this.scenario = s;
    this.install(createSimulation(s.config));
    this.speed = clampSpeed(s.speed);
    this.playing = true;
    this.post({ type: 'scenario', info: this.info(), errors });
    this.start({ type: 'scenario' });
    return true;
  }

  /** Continues from a snapshot the UI kept (the previous worker died). */
  resume(text: string, snap: SimSnapshot): void {
    const parsed = parseScenario(text);
    this.text = text;
    this.scenario = parsed.ok ? parsed.scenario : undefined;
    this.install(restoreSimulation(snap));
    this.post({ type: 'scenario', info: this.info(), errors: [] });
  }

  reset(): void {
    if (this.text) this.load(this.text);
  }

  private info(): ScenarioInfo {
    const s = this.scenario;
    return {
      title: s?.title.en ?? 'Untitled',
      ...(s?.title.ko ? { titleKo: s.title.ko } : {}),
      ...(s?.description ? { description: s.description } : {}),
      proxyMode: this.sim.config.proxyMode,
      nodes: this.sim.store.list('Node').map((n) => n.metadata.name),
      startTime: s?.config.startTime ?? this.sim.config.startTime,
      steps: stepInfos(s),
    };
  }

  private install(sim: Simulation): void {
    this.sim = sim;
    this.steps = 0;
    this.journal = [];
    this.commands.clear();
    this.snaps = [{ steps: 0, journal: 0, snap: sim.snapshot(), step: MANIFESTS_STEP }];
    this.lastSnapAt = sim.now();
    this.fastForward = false;
    this.currentStep = MANIFESTS_STEP;
    this.diff.attach(sim);
  }

  // ------------------------------------------------------------ commands

  private makeRun(spec: CommandSpec, io: Io): CommandRun {
    const session: Session = { sim: this.sim, namespace: 'default' };
    if (spec.type === 'line') return runLine(session, spec.line, io, spec.stdin);
    return this.scenarioRun(session, io);
  }

  private *scenarioRun(session: Session, io: Io): CommandRun {
    const s = this.scenario;
    if (!s) return 0;
    const exec = new ScriptExecutor(session);
    const start = s.config.startTime;
    for (const st of scenarioPlan(s)) {
      if (st.at !== undefined && this.sim.now() < start + st.at) {
        const t = start + st.at;
        yield { until: () => this.sim.now() >= t, timeoutAt: t };
      }
      this.currentStep = st.step;
      yield* exec.run(st, io);
    }
    return 0;
  }

  /** Starts a command (scenario script, kubectl line); output streams to the UI under `uiId`. */
  start(spec: CommandSpec, uiId?: number): void {
    const cmd = this.nextCmd++;
    this.guard(() => {
      this.journal.push({ kind: 'start', steps: this.steps, now: this.sim.now(), cmd, spec });
      const io: Io =
        uiId === undefined
          ? quietIo
          : {
              out: (text) => this.post({ type: 'output', id: uiId, stream: 'out', text }),
              err: (text) => this.post({ type: 'output', id: uiId, stream: 'err', text }),
            };
      this.commands.set(cmd, { gen: this.makeRun(spec, this.replaying ? quietIo : io), uiId });
      this.advanceCommand(cmd, undefined);
    }, cmd);
  }

  private advanceCommand(cmd: number, ok: boolean | undefined): void {
    const c = this.commands.get(cmd);
    if (!c) return;
    const r = ok === undefined ? c.gen.next() : c.gen.next(ok);
    if (r.done) {
      this.commands.delete(cmd);
      if (c.uiId !== undefined && !this.replaying)
        this.post({ type: 'done', id: c.uiId, code: r.value });
      return;
    }
    c.wait = r.value;
    if (!this.replaying) this.checkWait(cmd);
  }

  private resumeCommand(cmd: number, ok: boolean): void {
    this.journal.push({ kind: 'resume', steps: this.steps, now: this.sim.now(), cmd, ok });
    this.advanceCommand(cmd, ok);
  }

  private checkWait(cmd: number): void {
    const w = this.commands.get(cmd)?.wait;
    if (!w) return;
    if (w.until()) this.resumeCommand(cmd, true);
    else if (this.sim.now() >= w.timeoutAt) this.resumeCommand(cmd, false);
    else if (w.untilIdle && !this.sim.timers.hasForeground()) this.resumeCommand(cmd, false);
  }

  private checkWaits(): void {
    for (const cmd of [...this.commands.keys()]) this.guard(() => this.checkWait(cmd), cmd);
  }

  setProxyMode(mode: ProxyMode): void {
    this.journal.push({ kind: 'proxy', steps: this.steps, now: this.sim.now(), mode });
    (this.sim.config as ClusterConfig).proxyMode = mode;
    this.post({ type: 'scenario', info: this.info(), errors: [] });
  }

  /** The running simulation's trace hash (equal to the headless runner's for the same run). */
  traceHash(): string {
    return this.sim.trace.hash();
  }

  yamlOf(uid: string): string | undefined {
    const o = this.sim.store.all().find((x) => x.metadata.uid === uid);
    if (!o) return undefined;
    const { managedFields: _mf, ...metadata } = o.metadata as typeof o.metadata & {
      managedFields?: unknown;
    };
    return stringify({ ...o, metadata });
  }

  // ------------------------------------------------------------ running

  /** Processes one simulation event. */
  step(): boolean {
    const next = this.sim.timers.peek();
    if (!next) return false;
    let ok = false;
    this.clockAt.set(this.steps, this.sim.now());
    if (this.clockAt.size > MAX_CLOCK_MARKS) this.clockAt.delete(this.clockAt.keys().next().value!);
    this.guard(() => {
      this.diff.noteComponent(next.component);
      ok = this.sim.step();
      this.steps++;
      // Waits resume once the current instant has settled, as the headless runner resumes them
      // (Simulation.runUntil settles the instant first): the worker and Node give the same trace.
      if (this.sim.timers.peek()?.at !== this.sim.now()) this.checkWaits();
    });
    return ok;
  }

  /** Advances simulated time by `wallMs * speed` (or as far as the budget allows), checking waits after every event. */
  tick(wallMs: number): void {
    if (!this.sim) return;
    const deadline = this.wallNow() + TICK_BUDGET_MS;
    if (this.fastForward) {
      while (this.fastForward && this.sim.timers.hasForeground() && this.wallNow() < deadline)
        this.step();
      if (!this.sim.timers.hasForeground()) {
        this.fastForward = false;
        this.playing = false;
      }
    } else if (this.playing) {
      // The engine's clock is whole milliseconds (timestamps, event names); carry the fraction.
      this.carry += wallMs * this.speed;
      const whole = Math.floor(this.carry);
      this.carry -= whole;
      const target = this.sim.now() + whole;
      let caughtUp = true;
      for (;;) {
        // Never move the clock past a waiting command's deadline: it resumes exactly then.
        const stop = Math.min(target, this.nextWaitDeadline());
        for (;;) {
          const next = this.sim.timers.peek();
          if (!next || next.at > stop || !this.playing) break;
          if (this.wallNow() >= deadline) {
            caughtUp = false;
            break;
          }
          this.step();
        }
        if (!caughtUp || !this.playing) break;
        this.guard(() => this.sim.advanceTo(stop));
        this.checkWaits();
        if (stop >= target) break;
      }
    }
    this.maybeSnapshot();
  }

  /** Runs `ms` of simulated time at once (no wall-clock pacing), answering waits as it goes. */
  runFor(ms: number): void {
    const target = this.sim.now() + Math.floor(ms);
    for (;;) {
      const stop = Math.min(target, this.nextWaitDeadline());
      for (;;) {
        const next = this.sim.timers.peek();
        if (!next || next.at > stop) break;
        this.step();
      }
      this.guard(() => this.sim.advanceTo(stop));
      this.checkWaits();
      if (stop >= target) break;
    }
  }

  /** The earliest deadline of a waiting command that lies in the future (Infinity if none). */
  private nextWaitDeadline(): number {
    let d = Infinity;
    for (const c of this.commands.values()) {
      const t = c.wait?.timeoutAt;
      if (t !== undefined && t > this.sim.now() && t < d) d = t;
    }
    return d;
  }

  runUntilIdle(): void {
    this.fastForward = true;
  }

  private maybeSnapshot(): void {
    if (this.commands.size > 0 || this.sim.now() - this.lastSnapAt < SNAPSHOT_INTERVAL_MS) return;
    // At high speed, simulated seconds pass quickly: keep a wall-clock floor so a snapshot (a deep
    // copy of component state, posted to the main thread) does not land in every other frame.
    if (this.wallNow() - this.lastSnapWall < SNAPSHOT_MIN_WALL_MS) return;
    this.lastSnapWall = this.wallNow();
    const snap = this.sim.snapshot();
    this.snaps.push({
      steps: this.steps,
      journal: this.journal.length,
      snap,
      step: this.currentStep,
    });
    if (this.snaps.length > MAX_SNAPSHOTS) this.snaps.splice(1, 1); // keep the load snapshot
    this.lastSnapAt = this.sim.now();
    this.post({ type: 'snapshot', snapshot: snap, text: this.text });
  }

  // ------------------------------------------------------------ step back and recovery

  canStepBack(): boolean {
    return this.steps > 0;
  }

  /** Restores the state just before the last event (replaying from the nearest snapshot). */
  back(): void {
    if (this.steps === 0) return;
    this.playing = false;
    this.fastForward = false;
    this.rebuild(this.steps - 1);
  }

  /** Rebuilds the state after `target` events from the latest snapshot at or before it. */
  private rebuild(target: number): void {
    let i = this.snaps.length - 1;
    while (i > 0 && this.snaps[i].steps > target) i--;
    const base = this.snaps[i];
    this.snaps.length = i + 1;
    const sim = restoreSimulation(base.snap);
    this.sim = sim;
    this.commands.clear();
    this.diff.attach(sim);
    this.lastSnapAt = sim.now();
    this.steps = base.steps;
    this.currentStep = base.step;
    const journal = this.journal;
    let j = base.journal;
    this.replaying = true;
    try {
      for (;;) {
        while (j < journal.length && journal[j].steps === this.steps) this.replay(journal[j++]);
        if (this.steps >= target || !sim.step()) break;
        this.steps++;
      }
    } finally {
      this.replaying = false;
    }
    this.journal = journal.slice(0, j);
    const c = this.clockAt.get(target);
    const next = sim.timers.peek();
    if (c !== undefined && sim.now() < c && (!next || next.at > c)) sim.advanceTo(c);
  }

  private replay(e: JournalEntry): void {
    if (this.sim.now() < e.now) this.sim.advanceTo(e.now);
    switch (e.kind) {
      case 'start':
        this.nextCmd = Math.max(this.nextCmd, e.cmd + 1);
        this.commands.set(e.cmd, { gen: this.makeRun(e.spec, quietIo) });
        this.advanceCommand(e.cmd, undefined);
        break;
      case 'resume':
        this.advanceCommand(e.cmd, e.ok);
        break;
      case 'proxy':
        (this.sim.config as ClusterConfig).proxyMode = e.mode;
        break;
      case 'skip':
        this.sim.timers.pop();
        break;
    }
  }

  /**
   * Runs engine work; if the engine throws, reports it, restores the last good state and drops
   * what crashed (the command, or the timer being processed), then carries on paused.
   */
  private guard(fn: () => void, cmd?: number): void {
    if (this.replaying) return fn();
    try {
      fn();
    } catch (e) {
      const message =
        e instanceof Error
          ? `${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 4).join('\n')}` : ''}`
          : String(e);
      const crashedAt = this.steps;
      const crashedTimer = cmd === undefined ? this.sim.timers.peek() : undefined;
      this.journal = this.journal.filter((x) => !('cmd' in x) || x.cmd !== cmd);
      try {
        this.rebuild(crashedAt);
        if (crashedTimer && this.sim.timers.peek()?.seq === crashedTimer.seq) {
          this.journal.push({ kind: 'skip', steps: this.steps, now: this.sim.now() });
          this.sim.timers.pop();
        }
        this.post({ type: 'error', message, recovered: true });
      } catch (e2) {
        this.post({
          type: 'error',
          message: `${message}\n(recovery failed: ${String(e2)})`,
          recovered: false,
        });
      }
      this.playing = false;
      this.fastForward = false;
    }
  }

  // ------------------------------------------------------------ batches

  /** The changes since the previous batch, or undefined if nothing changed and time stood still. */
  batch(force = false): Batch | undefined {
    if (!this.sim) return undefined;
    if (!force && !this.diff.hasChanges() && !this.playing && !this.fastForward) return undefined;
    const reset = this.diff.isFull;
    const d = this.diff.take();
    const timers = this.sim.timers.list();
    const next: TimerView[] = timers
      .slice(0, TIMERS_IN_BATCH)
      .map((t) => ({ at: t.at, component: t.component, action: t.action }));
    const { requests, counts } = this.traffic.take(this.sim, reset);
    return {
      type: 'batch',
      reset,
      ...d,
      requests,
      requestCounts: counts,
      step: this.currentStep,
      clock: {
        now: this.sim.now(),
        steps: this.steps,
        playing: this.playing,
        speed: this.speed,
        idle: !this.sim.timers.hasForeground(),
        fastForward: this.fastForward,
        canStepBack: this.steps > 0,
      },
      timers: { count: timers.length, next },
      traceHash: this.sim.trace.hash(),
    };
  }
}
