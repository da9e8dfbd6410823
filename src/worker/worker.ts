/// <reference lib="webworker" />
/**
 * The simulation worker: runs the engine in real time and posts one batch of changes per frame.
 * All logic lives in `EngineHost`; this file only connects it to postMessage and a frame timer.
 */
import { EngineHost } from './host';
import { PROTOCOL_VERSION, type FromWorkerBody, type ToWorker } from './protocol';
import { clampSpeed } from './util';

/** One batch per animation frame at most (~60 Hz). */
export const FRAME_MS = 16;
/** A wall-clock gap longer than this (a throttled background tab) is not caught up all at once. */
export const MAX_TICK_GAP_MS = 250;

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(msg: FromWorkerBody): void {
  scope.postMessage({ v: PROTOCOL_VERSION, ...msg });
}

const host = new EngineHost(post, () => performance.now());
let last = performance.now();

function flush(force = false): void {
  const b = host.batch(force);
  if (b) post(b);
}

function handle(m: ToWorker): void {
  if (m.v !== PROTOCOL_VERSION) {
    post({
      type: 'error',
      message: `protocol version mismatch: worker ${PROTOCOL_VERSION}, page ${m.v}; reload the page`,
      recovered: false,
    });
    return;
  }
  switch (m.type) {
    case 'init':
      if (m.snapshot) host.resume(m.text, m.snapshot);
      else if (host.load(m.text) && m.runFor) host.runFor(m.runFor);
      // A fresh load keeps the scenario's own speed; a restart keeps the user's.
      if (m.snapshot) host.speed = clampSpeed(m.speed);
      host.playing = m.playing;
      break;
    case 'load':
      host.load(m.text);
      break;
    case 'reset':
      host.reset();
      break;
    case 'apply':
      host.start({ type: 'line', line: 'kubectl apply -f -', stdin: m.text }, m.id);
      break;
    case 'run':
      host.start(
        { type: 'line', line: m.line, ...(m.stdin !== undefined ? { stdin: m.stdin } : {}) },
        m.id,
      );
      break;
    case 'speed':
      host.speed = clampSpeed(m.speed);
      break;
    case 'play':
      host.playing = true;
      break;
    case 'pause':
      host.playing = false;
      break;
    case 'step':
      host.playing = false;
      host.step();
      break;
    case 'back':
      host.back();
      break;
    case 'runUntilIdle':
      host.runUntilIdle();
      break;
    case 'proxyMode':
      host.setProxyMode(m.mode);
      break;
    case 'getYaml': {
      const text = host.yamlOf(m.uid);
      post({ type: 'yaml', id: m.id, uid: m.uid, text: text ?? '' });
      return;
    }
  }
  flush(true);
}

scope.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);

setInterval(() => {
  const now = performance.now();
  const dt = Math.min(now - last, MAX_TICK_GAP_MS);
  last = now;
  host.tick(dt);
  flush();
}, FRAME_MS);

post({ type: 'ready' });
