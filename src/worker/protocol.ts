/**
 * The one contract between the UI thread and the simulation worker. Messages are plain structured-
 * clone data. The worker posts at most one `batch` per animation frame with only what changed since
 * the previous batch (objects trimmed to what the UI draws), never a whole snapshot per tick.
 *
 * Bump PROTOCOL_VERSION whenever a message shape changes; both sides refuse a mismatched version.
 */
import type { SimSnapshot } from '../engine/sim';
import type { ProxyMode } from '../engine/config';

export const PROTOCOL_VERSION = 2;

/** Speeds the UI offers (simulated seconds per wall second). */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50] as const;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 50;

export type Tone = 'ok' | 'progress' | 'warn' | 'error' | 'done' | 'idle';

export interface NodeInfo {
  ready: boolean;
  unschedulable: boolean;
  controlPlane: boolean;
  /** spec.taints as `key[=value]:Effect` (the control-plane node's NoSchedule taint). */
  taints: string[];
  /** millicores / bytes / pods the node offers (status.allocatable) */
  cpuAllocatable: number;
  memoryAllocatable: number;
  podsAllocatable: number;
  /** Sum of requests of the non-terminal pods bound to the node. */
  cpuRequested: number;
  memoryRequested: number;
  pods: number;
}

export interface WorkloadInfo {
  desired: number;
  ready: number;
  /** updated replicas (Deployment), succeeded (Job) */
  updated?: number;
  image?: string;
}

export interface ServiceInfo {
  type: string;
  clusterIP?: string;
  ports: string;
  /** uids of ready pods the Service routes to (ready endpoints). */
  endpoints: string[];
}

/** An object as the UI sees it: identity, structure and a short status. */
export interface ObjView {
  uid: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The controlling owner's uid (ownerReferences with controller: true). */
  ownerUid?: string;
  /** Pods: spec.nodeName. */
  nodeName?: string;
  /** Display status: `Running`, `CrashLoopBackOff`, `Ready`, `3/3`, ... */
  status: string;
  tone: Tone;
  ready?: boolean;
  restarts?: number;
  /** creationTimestamp in epoch ms (stable ordering). */
  created: number;
  node?: NodeInfo;
  workload?: WorkloadInfo;
  service?: ServiceInfo;
}

export interface EventView {
  /** uid of the Event object */
  id: string;
  time: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  object: string;
  namespace?: string;
  count: number;
  source: string;
}

/** How a request ended (proxy/request-log.ts RequestResult). */
export type RequestResult = 'ok' | 'refused' | 'timeout' | 'error';

export interface RequestView {
  seq: number;
  time: number;
  from: string;
  service?: string;
  /** uid of the Service the request was sent to (drawn as a pulse from it). */
  serviceUid?: string;
  pod?: string;
  /** uid of the pod that answered or was tried (the pulse's target). */
  podUid?: string;
  node?: string;
  status?: number;
  ok: boolean;
  result: RequestResult;
  latencyMs: number;
}

/** Requests that reached a pod since the scenario was loaded (within the request log's window). */
export interface RequestCount {
  ok: number;
  failed: number;
}

export interface ClockView {
  now: number;
  /** Simulation events processed since the scenario was loaded. */
  steps: number;
  playing: boolean;
  speed: number;
  /** No foreground work is pending (the cluster has settled). */
  idle: boolean;
  fastForward: boolean;
  canStepBack: boolean;
}

export interface TimerView {
  at: number;
  component: string;
  action: string;
}

/** Components that processed timers since the last batch, and the store writes by kind. */
export interface Activity {
  components: Record<string, number>;
  writes: Record<string, number>;
}

export interface LocalizedText {
  en: string;
  ko?: string;
}

/** One step of the scenario header, for the step timeline and its captions. */
export interface StepInfo {
  /** Simulated ms after the start at which it runs; otherwise right after the previous step. */
  at?: number;
  run: string;
  note?: LocalizedText;
  line: number;
}

export interface ScenarioInfo {
  title: string;
  titleKo?: string;
  description?: LocalizedText;
  proxyMode: ProxyMode;
  nodes: string[];
  /** The simulated time the scenario starts at (epoch ms); step `at` offsets count from it. */
  startTime: number;
  steps: StepInfo[];
}

export interface LineError {
  line: number;
  message: string;
}

// ------------------------------------------------------------------ UI → worker

export type ToWorker =
  /** `runFor`: run this many simulated ms right after loading, then apply `playing` (deterministic screenshots). */
  | {
      v: number;
      type: 'init';
      text: string;
      snapshot?: SimSnapshot;
      playing: boolean;
      speed: number;
      runFor?: number;
    }
  | { v: number; type: 'load'; text: string }
  | { v: number; type: 'apply'; id: number; text: string }
  | { v: number; type: 'run'; id: number; line: string; stdin?: string }
  | { v: number; type: 'speed'; speed: number }
  | { v: number; type: 'play' }
  | { v: number; type: 'pause' }
  | { v: number; type: 'step' }
  | { v: number; type: 'back' }
  | { v: number; type: 'reset' }
  | { v: number; type: 'runUntilIdle' }
  | { v: number; type: 'proxyMode'; mode: ProxyMode }
  | { v: number; type: 'getYaml'; id: number; uid: string };

// ------------------------------------------------------------------ worker → UI

export interface Batch {
  type: 'batch';
  /** The object set was replaced (load, reset, step back, recovery): drop everything first. */
  reset: boolean;
  objects: ObjView[];
  removed: string[];
  events: EventView[];
  requests: RequestView[];
  clock: ClockView;
  timers: { count: number; next: TimerView[] };
  activity: Activity;
  traceHash: string;
  /** Index of the scenario step started last (-1: none yet). */
  step: number;
  /** Per-pod request counters that changed (all of them in a reset batch), by pod uid. */
  requestCounts: Record<string, RequestCount>;
}

export type FromWorker =
  | { v: number; type: 'ready' }
  | ({ v: number } & Batch)
  | { v: number; type: 'scenario'; info?: ScenarioInfo; errors: LineError[] }
  | { v: number; type: 'output'; id: number; stream: 'out' | 'err'; text: string }
  | { v: number; type: 'done'; id: number; code: number }
  | { v: number; type: 'error'; message: string; recovered: boolean }
  | { v: number; type: 'snapshot'; snapshot: SimSnapshot; text: string }
  | { v: number; type: 'yaml'; id: number; uid: string; text: string };

/** Distributes Omit over a union (the `v` field is added by the sender). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ToWorkerBody = DistributiveOmit<ToWorker, 'v'>;
export type FromWorkerBody = DistributiveOmit<FromWorker, 'v'>;
