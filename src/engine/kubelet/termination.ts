/**
 * Graceful termination (`k/k:pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer`):
 * Killing event, SIGTERM (the image's STOPSIGNAL), SIGKILL when the grace period ends, then the
 * kubelet confirms the deletion with a zero grace period. A shell as PID 1 has no SIGTERM handler,
 * so it only dies at the end of the grace period (exit 137).
 */
import type { KObject } from '../api/types';
import type { Kubelet } from './kubelet';
import { containerFieldPath, type ContainerRt, type PodRt, type StepPayload } from './state';
import { lookupImage } from './images/resolve';
import { appendLog, renderLogLine } from './host';
import { exitContainer } from './lifecycle';
import { DEFAULT_GRACE_PERIOD_S, POD_CLEANUP_MS, SIGKILL_EXIT_CODE } from './constants';

export function beginTermination(k: Kubelet, pod: KObject, rt: PodRt): void {
  if (rt.terminating) return;
  rt.terminating = true;
  const grace =
    pod.metadata.deletionGracePeriodSeconds ??
    pod.spec?.terminationGracePeriodSeconds ??
    DEFAULT_GRACE_PERIOD_S;
  for (const c of Object.values(rt.containers)) {
    if (c.state === 'running') stopContainer(k, pod, c, grace, 'delete');
    else {
      // Not started yet (pulling, backing off): abandon the pending steps.
      c.gen++;
      c.busy = false;
    }
  }
  k.writeStatus(rt.uid);
  checkTerminationDone(k, rt);
}

/** Sends SIGTERM; the process exits after the image's shutdown time, or is killed at the deadline. */
export function stopContainer(
  k: Kubelet,
  pod: KObject,
  c: ContainerRt,
  graceSeconds: number,
  why: 'delete' | 'liveness' | 'startup',
): void {
  if (c.stopping) return;
  c.stopping = why === 'delete' ? 'delete' : 'liveness';
  const msg =
    why === 'delete'
      ? `Stopping container ${c.name}`
      : `Container ${c.name} failed ${why} probe, will be restarted`;
  k.podEvent(pod, 'Normal', 'Killing', msg, containerFieldPath(c));
  c.ready = false;
  const image = c.imageKey ? lookupImage(k.sim, c.imageKey) : undefined;
  const payload = { uid: pod.metadata.uid, c: c.name, gen: c.gen };
  const graceMs = Math.max(0, graceSeconds) * 1000;
  if (!c.ignoresSigterm && image && image.shutdownMs < graceMs)
    k.schedule(image.shutdownMs, 'stopped', { ...payload, code: image.stopExitCode });
  k.schedule(graceMs, 'kill', payload);
}

export function onStopped(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const rt = k.state.pods[p.uid];
  const c = k.container(p.uid, p.c)!;
  if (!pod || c.state !== 'running') return;
  const image = c.imageKey ? lookupImage(k.sim, c.imageKey) : undefined;
  const now = k.sim.now();
  if (c.serving)
    for (const l of image?.stopLogs ?? [])
      appendLog(c, now, renderLogLine(l, now, pod, rt.ip ?? ''));
  const code = p.code as number;
  exitContainer(k, pod, rt, c, code, code === 0 ? 'Completed' : 'Error');
}

export function onKill(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const c = k.container(p.uid, p.c)!;
  if (!pod || c.state !== 'running') return;
  exitContainer(k, pod, k.state.pods[p.uid], c, SIGKILL_EXIT_CODE, 'Error');
}

export function checkTerminationDone(k: Kubelet, rt: PodRt): void {
  if (!rt.terminating) return;
  if (Object.values(rt.containers).some((c) => c.state === 'running')) return;
  k.schedule(POD_CLEANUP_MS, 'finalize', { uid: rt.uid });
}
