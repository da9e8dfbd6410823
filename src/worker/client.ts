/**
 * The main-thread side of the worker bridge: starts the simulation worker, sends typed commands,
 * hands batches and replies to the app, and restarts a worker that dies from the last periodic
 * snapshot it posted (so a crash costs at most a few simulated seconds, never the user's work).
 */
import type { SimSnapshot } from '../engine/sim';
import type { ProxyMode } from '../engine/config';
import {
  PROTOCOL_VERSION,
  type Batch,
  type FromWorker,
  type LineError,
  type ScenarioInfo,
  type ToWorkerBody,
} from './protocol';

export interface ClientHandlers {
  batch(b: Batch): void;
  scenario(info: ScenarioInfo | undefined, errors: LineError[]): void;
  output(id: number, stream: 'out' | 'err', text: string): void;
  done(id: number, code: number): void;
  error(message: string, recovered: boolean): void;
  restarted(count: number): void;
}

/** A worker that dies this many times in a row is not restarted again (the snapshot itself may be bad). */
export const MAX_RESTARTS = 5;

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-sim' });

export class SimClient {
  private worker?: Worker;
  private nextId = 1;
  private yamlWaiters = new Map<number, (text: string) => void>();
  private last?: { snapshot: SimSnapshot; text: string };
  private text = '';
  private restarts = 0;
  private playing = true;
  private speed = 1;

  constructor(
    private handlers: ClientHandlers,
    private factory: WorkerFactory = defaultFactory,
  ) {}

  /** Starts the worker with scenario text (the first screen runs it at once unless `playing` is false). */
  start(text: string, playing = true, runFor?: number): void {
    this.text = text;
    this.playing = playing;
    this.spawn({
      type: 'init',
      text,
      playing,
      speed: this.speed,
      ...(runFor !== undefined ? { runFor } : {}),
    });
  }

  private spawn(init: ToWorkerBody): void {
    const w = this.factory();
    this.worker = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.restart(e.message || 'the simulation worker stopped');
    };
    this.send(init);
  }

  private restart(reason: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    if (this.restarts >= MAX_RESTARTS) {
      this.handlers.error(`${reason} (not restarted: it failed ${MAX_RESTARTS} times)`, false);
      return;
    }
    this.restarts++;
    this.handlers.error(reason, true);
    this.handlers.restarted(this.restarts);
    const snap = this.last;
    this.spawn(
      snap
        ? {
            type: 'init',
            text: snap.text,
            snapshot: snap.snapshot,
            playing: false,
            speed: this.speed,
          }
        : { type: 'init', text: this.text, playing: false, speed: this.speed },
    );
  }

  private receive(m: FromWorker): void {
    if (m.v !== PROTOCOL_VERSION) {
      this.handlers.error(
        `protocol version mismatch: page ${PROTOCOL_VERSION}, worker ${m.v}; reload the page`,
        false,
      );
      return;
    }
    switch (m.type) {
      case 'batch':
        this.playing = m.clock.playing;
        this.speed = m.clock.speed;
        this.handlers.batch(m);
        break;
      case 'scenario':
        this.handlers.scenario(m.info, m.errors);
        break;
      case 'output':
        this.handlers.output(m.id, m.stream, m.text);
        break;
      case 'done':
        this.handlers.done(m.id, m.code);
        break;
      case 'error':
        this.handlers.error(m.message, m.recovered);
        break;
      case 'snapshot':
        this.last = { snapshot: m.snapshot, text: m.text };
        this.restarts = 0;
        break;
      case 'yaml':
        this.yamlWaiters.get(m.id)?.(m.text);
        this.yamlWaiters.delete(m.id);
        break;
      case 'ready':
        break;
    }
  }

  private send(body: ToWorkerBody): void {
    this.worker?.postMessage({ v: PROTOCOL_VERSION, ...body });
  }

  load(text: string): void {
    this.text = text;
    this.last = undefined;
    this.send({ type: 'load', text });
  }

  /** Runs `kubectl apply -f -` with the text; returns the id its output and exit code carry. */
  apply(text: string): number {
    const id = this.nextId++;
    this.send({ type: 'apply', id, text });
    return id;
  }

  run(line: string, stdin?: string): number {
    const id = this.nextId++;
    this.send({ type: 'run', id, line, ...(stdin !== undefined ? { stdin } : {}) });
    return id;
  }

  yaml(uid: string): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.yamlWaiters.set(id, resolve);
      this.send({ type: 'getYaml', id, uid });
    });
  }

  play(): void {
    this.send({ type: 'play' });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }
  step(): void {
    this.send({ type: 'step' });
  }
  back(): void {
    this.send({ type: 'back' });
  }
  reset(): void {
    this.send({ type: 'reset' });
  }
  runUntilIdle(): void {
    this.send({ type: 'runUntilIdle' });
  }
  setSpeed(speed: number): void {
    this.speed = speed;
    this.send({ type: 'speed', speed });
  }
  setProxyMode(mode: ProxyMode): void {
    this.send({ type: 'proxyMode', mode });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
