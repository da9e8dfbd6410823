/**
 * A container instance from creation to exit, and what happens next: restartPolicy, the
 * CrashLoopBackOff backoff (`k/k:pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff`), init
 * containers in order, and the pod's terminal phase.
 */
import type { KObject } from '../api/types';
import type { Kubelet } from './kubelet';
import { containerFieldPath, type ContainerRt, type PodRt, type StepPayload } from './state';
import { lookupImage } from './images/resolve';
import { containerEnv } from './env';
import { resolveProcess } from './process';
import { newVm, runVm } from './shell/vm';
import { appendLog, containerHost, logIo, renderLogLine } from './host';
import { subPathFiles } from './volumes';
import { scheduleProbes } from './probes';
import { backoffNext, goDuration, isInBackOffSince } from './backoff';
import { memoryLimit, oomDelayMs } from './metrics';
import { checkTerminationDone } from './termination';
import { CONTAINER_BACKOFF_MS, CONTAINER_START_MS, MAX_CONTAINER_BACKOFF_MS } from './constants';

const POLICY = { initialMs: CONTAINER_BACKOFF_MS, maxMs: MAX_CONTAINER_BACKOFF_MS };
/** The pod worker retries a container whose config cannot be resolved on its next sync. */
export const CONFIG_ERROR_RETRY_MS = 10_000;

/** `format.Pod`: `name_namespace(uid)`. */
export function formatPod(pod: KObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`;
}

function newContainerId(k: Kubelet): string {
  const r = k.sim.rng(`${k.name}/container-id`);
  let hex = '';
  for (let i = 0; i < 64; i++) hex += r.int(16).toString(16);
  return `containerd://${hex}`;
}

function baseFiles(k: Kubelet, pod: KObject, rt: PodRt): Record<string, string> {
  const host = pod.spec?.hostname ?? pod.metadata.name;
  return {
    '/etc/hostname': `${host}\n`,
    '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${rt.ip ?? ''}\t${host}\n`,
    '/etc/resolv.conf': `search ${pod.metadata.namespace ?? 'default'}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    '/proc/1/': '',
    '/root/': '',
  };
}

export function onCreate(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const rt = k.state.pods[p.uid];
  const c = k.container(p.uid, p.c)!;
  const spec = pod && k.containerSpec(pod, c);
  const image = c.imageKey ? lookupImage(k.sim, c.imageKey) : undefined;
  if (!pod || !spec || !image || pod.metadata.deletionTimestamp) {
    c.busy = false;
    return;
  }
  const fp = containerFieldPath(c);
  const env = containerEnv(k.sim, pod, spec, image.env, k.nodeIp(), rt.ip ?? '');
  if (!env.ok) {
    k.podEvent(pod, 'Warning', 'Failed', `Error: ${env.message}`, fp);
    c.state = 'waiting';
    c.reason = 'CreateContainerConfigError';
    c.message = env.message;
    k.writeStatus(p.uid);
    k.schedule(CONFIG_ERROR_RETRY_MS, 'pull', { uid: p.uid, c: c.name, gen: c.gen });
    return;
  }
  if (c.containerID) c.restartCount++;
  c.containerID = newContainerId(k);
  c.env = env.env;
  c.fs = { ...image.files, ...baseFiles(k, pod, rt), ...subPathFiles(pod, rt, spec) };
  // The instance being replaced becomes the `--previous` one (bounded like logs: MAX_LOG_LINES).
  if (c.containerID) c.prevLogs = c.logs;
  c.logs = [];
  // Since 1.35 the message names no container: describe prints the fieldPath instead
  // (k/k PR #134043, kuberuntime_container.go startContainer).
  k.podEvent(pod, 'Normal', 'Created', 'Container created', fp);
  k.schedule(CONTAINER_START_MS, 'start', { uid: p.uid, c: c.name, gen: c.gen });
}

export function onStart(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const rt = k.state.pods[p.uid];
  const c = k.container(p.uid, p.c)!;
  const spec = pod && k.containerSpec(pod, c);
  const image = c.imageKey ? lookupImage(k.sim, c.imageKey) : undefined;
  if (!pod || !spec || !image) return;
  const now = k.sim.now();
  const proc = resolveProcess(image, spec.command, spec.args, c.env);
  c.busy = false;
  c.reason = c.message = undefined;
  if (proc.kind === 'error') {
    k.podEvent(pod, 'Warning', 'Failed', `Error: ${proc.message}`, containerFieldPath(c));
    exitContainer(k, pod, rt, c, 128, 'StartError', proc.message);
    return;
  }
  // k/k PR #134043 (1.35): "Container started" without the name.
  k.podEvent(pod, 'Normal', 'Started', 'Container started', containerFieldPath(c));
  c.state = 'running';
  c.startedAt = now;
  c.terminated = undefined;
  c.stopping = undefined;
  c.serving = proc.kind === 'image' && !!image.server;
  c.ignoresSigterm = proc.kind === 'script' || image.ignoresSigterm;
  c.started = !spec.startupProbe;
  c.ready = c.started && !spec.readinessProbe && !c.init;
  c.probes = {};
  c.requests = 0;
  if (proc.kind === 'image')
    for (const l of image.startLogs) appendLog(c, now, renderLogLine(l, now, pod, rt.ip ?? ''));
  c.vm = newVm(proc.script, c.env);
  if (!c.init) scheduleProbes(k, pod, c, spec);
  const oom = oomDelayMs(k, pod, c, image, memoryLimit(spec));
  if (oom !== undefined) k.schedule(oom, 'oom', { uid: p.uid, c: c.name, gen: c.gen });
  k.writeStatus(p.uid);
  runProcess(k, pod, rt, c);
}

/** Resumes the process until it sleeps, waits forever or exits. */
function runProcess(k: Kubelet, pod: KObject, rt: PodRt, c: ContainerRt): void {
  if (!c.vm) return;
  const y = runVm(c.vm, containerHost(k, pod, rt, c), logIo(k, c));
  if (y.kind === 'sleep') k.schedule(y.ms, 'proc', { uid: rt.uid, c: c.name, gen: c.gen });
  else if (y.kind === 'exit')
    exitContainer(k, pod, rt, c, y.code, y.code === 0 ? 'Completed' : 'Error');
}

export function onProcess(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const c = k.container(p.uid, p.c)!;
  if (!pod || c.state !== 'running') return;
  runProcess(k, pod, k.state.pods[p.uid], c);
}

export function onOom(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const c = k.container(p.uid, p.c)!;
  if (!pod || c.state !== 'running') return;
  exitContainer(k, pod, k.state.pods[p.uid], c, 137, 'OOMKilled');
}

/** The process ended: record it, then restart, move on (init) or finish the pod. */
export function exitContainer(
  k: Kubelet,
  pod: KObject,
  rt: PodRt,
  c: ContainerRt,
  exitCode: number,
  reason: string,
  message?: string,
): void {
  const now = k.sim.now();
  c.gen++; // pending steps of this instance (probes, sleeps, kills) no longer apply
  c.state = 'terminated';
  c.terminated = {
    exitCode,
    reason,
    startedAt: c.startedAt ?? now,
    finishedAt: now,
    containerID: c.containerID ?? '',
    ...(message ? { message } : {}),
  };
  c.ready = c.started = c.serving = false;
  c.vm = undefined;
  c.busy = false;
  if (rt.terminating) {
    k.writeStatus(rt.uid);
    checkTerminationDone(k, rt);
    return;
  }
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (c.init && exitCode === 0) {
    rt.initIndex++;
    k.writeStatus(rt.uid);
    k.schedule(0, 'sync', { uid: rt.uid, namespace: rt.namespace, name: rt.name });
    return;
  }
  const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  if (!restart) {
    if (c.init) rt.finished = 'Failed';
    else {
      const apps = (pod.spec?.containers ?? []).map((s: { name: string }) => rt.containers[s.name]);
      if (apps.every((a: ContainerRt) => a.state === 'terminated'))
        rt.finished = apps.every((a: ContainerRt) => a.terminated?.exitCode === 0)
          ? 'Succeeded'
          : 'Failed';
    }
    k.writeStatus(rt.uid);
    return;
  }
  k.writeStatus(rt.uid);
  c.busy = true;
  k.schedule(0, 'restart', { uid: rt.uid, c: c.name, gen: c.gen });
}

/** `doBackOff`: restart at once, or wait out the CrashLoopBackOff window that began at FinishedAt. */
export function tryRestart(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const c = k.container(p.uid, p.c)!;
  const exited = c.terminated ?? (c.reason === 'CrashLoopBackOff' ? c.lastTerminated : undefined);
  if (!pod || pod.metadata.deletionTimestamp || !exited) {
    c.busy = false;
    return;
  }
  const key = `${formatPod(pod)}_${c.name}`;
  const now = k.sim.now();
  const finishedAt = exited.finishedAt;
  if (isInBackOffSince(k.state.crashBackoff, key, finishedAt, now, POLICY)) {
    const e = k.state.crashBackoff[key];
    k.podEvent(
      pod,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${c.name} in pod ${formatPod(pod)}`,
      containerFieldPath(c),
    );
    c.lastTerminated = exited;
    c.terminated = undefined;
    c.state = 'waiting';
    c.reason = 'CrashLoopBackOff';
    c.message = `back-off ${goDuration(e.backoffMs)} restarting failed container=${c.name} pod=${formatPod(pod)}`;
    k.writeStatus(p.uid);
    k.schedule(finishedAt + e.backoffMs - now, 'restart', { uid: p.uid, c: c.name, gen: c.gen });
    return;
  }
  backoffNext(k.state.crashBackoff, key, finishedAt, now, POLICY);
  c.lastTerminated = exited;
  c.terminated = undefined;
  c.state = 'waiting';
  c.reason = c.message = undefined;
  k.schedule(0, 'pull', { uid: p.uid, c: c.name, gen: c.gen });
}
