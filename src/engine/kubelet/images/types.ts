/** What the simulated registry knows about an image and how its process behaves. */
import type { FileTree } from '../container-fs';

export interface Layer {
  digest: string;
  size: number;
}

/** How the image answers HTTP (see images/http.ts). */
export type HttpBehaviour =
  /** Serves files under `root` from the container's filesystem (nginx, httpd). */
  | { kind: 'static'; root: string; server: string }
  /** A fixed body; `{hostname}` is replaced by the pod name. */
  | { kind: 'text'; body: string; status?: number }
  /** agnhost netexec: `/hostname`, `/echo?msg=`, `/healthz`, `/` (NOW: time). */
  | { kind: 'agnhost' };

export interface ImageSpec {
  /** Canonical short reference: `nginx:1.14.2`, `registry.k8s.io/pause:3.10.1`. */
  ref: string;
  /** Compressed size in bytes (what `Image size:` reports). */
  size: number;
  layers: Layer[];
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  files: FileTree;
  /** Has /bin/sh (busybox, alpine, debian); distroless images do not. */
  shell: boolean;
  /** A long-running server: listens on `ports` once `startMs` after start. */
  server?: {
    ports: number[];
    startMs: number;
    http?: HttpBehaviour;
    accessLog?: 'nginx' | 'httpd';
  };
  /** Log lines printed at start (`{ts}` = nginx error-log time, `{version}`). */
  startLogs: string[];
  /** What the default process does after starting (a script for the simulated sh), if it is not a server. */
  script?: string;
  /** Time from SIGTERM to exit. */
  shutdownMs: number;
  /** Exit code after a graceful stop. */
  stopExitCode: number;
  /** Log lines printed on SIGTERM. */
  stopLogs: string[];
  /** PID 1 ignores SIGTERM (a shell): the kubelet must wait the whole grace period. */
  ignoresSigterm: boolean;
  /** Resource use when idle: millicores, bytes. */
  idleCpu: number;
  idleMemory: number;
  /** CPU cost of one request per second, in millicores. */
  cpuPerRequest: number;
  /** Memory growth in bytes per second (leaks). */
  memoryLeakPerSec: number;
  readiness?: 'fails' | 'flaky';
}
