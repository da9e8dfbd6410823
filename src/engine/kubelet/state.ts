/**
 * What a kubelet knows that the API does not: the node's container runtime (image cache, running
 * containers, their processes and files), backoffs and IP allocation. All plain JSON, so a
 * snapshot restores every process exactly where it was.
 */
import type { Json } from '../clock';
import type { KObject } from '../api/types';
import type { Simulation } from '../sim';
import type { EventType } from '../events';
import type { BackoffTable } from './backoff';
import type { FileTree } from './container-fs';
import type { VmState } from './shell/vm';

export type ProbeType = 'liveness' | 'readiness' | 'startup';

export interface ProbeRt {
  successes: number;
  failures: number;
  /** Last result (readiness starts as failure; liveness/startup as success). */
  ok: boolean;
}

export interface LogLine {
  t: number;
  line: string;
}

export interface TerminatedInfo {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
  message?: string;
}

export interface ContainerRt {
  name: string;
  init: boolean;
  /** Instance counter: every timer carries it, so timers of a replaced instance are ignored. */
  gen: number;
  state: 'waiting' | 'running' | 'terminated';
  reason?: string;
  message?: string;
  containerID?: string;
  imageKey?: string;
  startedAt?: number;
  /** Set while terminated. */
  terminated?: TerminatedInfo;
  lastTerminated?: TerminatedInfo;
  restartCount: number;
  /** A step (pull, create, start, restart) is scheduled: do not start another. */
  busy: boolean;
  /** The process (a script for the simulated sh), undefined for an image's own server. */
  vm?: VmState;
  /** The process ignores SIGTERM (a shell or `sleep` as PID 1). */
  ignoresSigterm: boolean;
  /** The image's own program is running (so it serves its ports). */
  serving: boolean;
  fs: FileTree;
  logs: LogLine[];
  prevLogs?: LogLine[];
  ready: boolean;
  started: boolean;
  probes: Partial<Record<ProbeType, ProbeRt>>;
  /** SIGTERM has been sent (pod deletion or liveness kill). */
  stopping?: 'delete' | 'liveness';
  /** Requests served by this instance (luksa/kubia-unhealthy fails after 5). */
  requests: number;
  env: Record<string, string>;
}

export interface PodRt {
  uid: string;
  namespace: string;
  name: string;
  ip?: string;
  sandboxReady: boolean;
  startTime?: number;
  /** Index of the init container to run next; equals the count when initialisation is done. */
  initIndex: number;
  containers: Record<string, ContainerRt>;
  /** emptyDir and projected (ConfigMap/Secret) volume contents by volume name. */
  volumes: Record<string, FileTree>;
  terminating: boolean;
  /** Terminal phase reached (restartPolicy Never/OnFailure). */
  finished?: 'Succeeded' | 'Failed';
}

export interface KubeletState {
  /** The machine is up (`kubeplay node stop` turns it off). */
  up: boolean;
  images: Record<string, { size: number }>;
  layers: Record<string, true>;
  /** serializeImagePulls (default true): the next pull starts after this time. */
  pullBusyUntil: number;
  imageBackoff: BackoffTable;
  crashBackoff: BackoffTable;
  lastIp: number;
  pods: Record<string, PodRt>;
  /** Timers that fired while the machine was down; replayed at boot. */
  deferred: { action: string; payload: Json }[];
  lastStatusReport: number;
  /** Node status fields changed since the last report (images). */
  statusDirty: boolean;
}

export function emptyState(): KubeletState {
  return {
    up: true,
    images: {},
    layers: {},
    pullBusyUntil: 0,
    imageBackoff: {},
    crashBackoff: {},
    lastIp: 1,
    pods: {},
    deferred: [],
    lastStatusReport: 0,
    statusDirty: true,
  };
}

/** What the kubelet's step functions work with. */
export interface KubeletCtx {
  sim: Simulation;
  nodeName: string;
  /** Component name (`kubelet/<node>`). */
  name: string;
  state: KubeletState;
  schedule(delayMs: number, action: string, payload: Json): void;
  podEvent(
    pod: KObject,
    type: EventType,
    reason: string,
    message: string,
    fieldPath?: string,
  ): void;
}

export interface StepPayload {
  uid: string;
  c: string;
  gen: number;
  [k: string]: Json;
}

/** The event fieldPath of a container: `spec.containers{nginx}`. */
export function containerFieldPath(c: Pick<ContainerRt, 'init' | 'name'>): string {
  return `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}`;
}
