/**
 * Liveness, readiness and startup probes (`k/k:pkg/kubelet/prober/worker.go doProbe`): one timer
 * per probe, first after initialDelaySeconds and then every periodSeconds; consecutive results
 * against successThreshold / failureThreshold; Unhealthy events with the prober's wording.
 */
import type { KObject } from '../api/types';
import type { Kubelet } from './kubelet';
import { containerFieldPath, type ContainerRt, type ProbeType, type StepPayload } from './state';
import { runToCompletion } from './shell/vm';
import { containerHost } from './host';
import { podHttp } from './http';
import { lookupImage } from './images/resolve';
import { stopContainer } from './termination';
import {
  DEFAULT_GRACE_PERIOD_S,
  PROBE_DEFAULT_FAILURE_THRESHOLD,
  PROBE_DEFAULT_PERIOD_S,
  PROBE_DEFAULT_SUCCESS_THRESHOLD,
} from './constants';

/** kubeplay/flaky-ready alternates 30 s ready / 30 s not ready. */
export const FLAKY_READY_PHASE_MS = 30_000;

const FIELD: Record<ProbeType, string> = {
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
  startup: 'startupProbe',
};
const TITLE: Record<ProbeType, string> = {
  liveness: 'Liveness',
  readiness: 'Readiness',
  startup: 'Startup',
};

interface ProbeSpec {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string };
  tcpSocket?: { port: number | string };
  grpc?: { port: number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

export function scheduleProbes(
  k: Kubelet,
  pod: KObject,
  c: ContainerRt,
  spec: KObject['spec'],
): void {
  for (const t of ['startup', 'liveness', 'readiness'] as ProbeType[]) {
    const probe = spec[FIELD[t]] as ProbeSpec | undefined;
    if (!probe) continue;
    // Initial results (prober worker.go): liveness Success, readiness Failure, startup Unknown.
    c.probes[t] = { successes: 0, failures: 0, ok: t === 'liveness' };
    k.schedule((probe.initialDelaySeconds ?? 0) * 1000, 'probe', {
      uid: pod.metadata.uid,
      c: c.name,
      gen: c.gen,
      type: t,
    });
  }
}

function resolvePort(spec: KObject['spec'], port: number | string): number {
  if (typeof port === 'number') return port;
  const named = (spec.ports ?? []).find((p: { name?: string }) => p.name === port);
  return named?.containerPort ?? Number(port);
}

/** Runs one probe: success, or the failure output the prober reports. */
export function runProbe(
  k: Kubelet,
  pod: KObject,
  c: ContainerRt,
  spec: KObject['spec'],
  type: ProbeType,
  probe: ProbeSpec,
): { ok: boolean; output: string } {
  const rt = k.state.pods[pod.metadata.uid];
  const ip = rt?.ip ?? '';
  const image = c.imageKey ? lookupImage(k.sim, c.imageKey) : undefined;
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    const script =
      /(^|\/)(ba)?sh$/.test(argv[0] ?? '') && argv[1] === '-c'
        ? (argv[2] ?? '')
        : argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = runToCompletion(script, c.env, containerHost(k, pod, rt, c));
    return { ok: r.exitCode === 0, output: (r.stdout + r.stderr).trimEnd() };
  }
  const port = resolvePort(
    spec,
    probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port ?? 0,
  );
  if (type === 'readiness' && image?.readiness) {
    const now = k.sim.now();
    const notReady =
      image.readiness === 'fails' ||
      Math.floor((now - (c.startedAt ?? now)) / FLAKY_READY_PHASE_MS) % 2 === 1;
    if (notReady) return { ok: false, output: 'HTTP probe failed with statuscode: 503' };
  }
  if (probe.httpGet) {
    const path = probe.httpGet.path ?? '/';
    const url = `${(probe.httpGet.scheme ?? 'HTTP').toLowerCase()}://${probe.httpGet.host ?? ip}:${port}${path}`;
    const r = podHttp(k.sim, pod, port, path, {
      userAgent: `kube-probe/${k.sim.config.kubernetesVersion.replace(/^v(\d+\.\d+).*/, '$1')}`,
    });
    if (r.kind === 'refused')
      return {
        ok: false,
        output: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused`,
      };
    if (r.kind === 'timeout')
      return {
        ok: false,
        output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
      };
    if (r.status >= 200 && r.status < 400) return { ok: true, output: '' };
    return { ok: false, output: `HTTP probe failed with statuscode: ${r.status}` };
  }
  const r = podHttp(k.sim, pod, port, '', { tcpOnly: true });
  return r.kind === 'refused'
    ? { ok: false, output: `dial tcp ${ip}:${port}: connect: connection refused` }
    : { ok: true, output: '' };
}

function probeSettled(state: { failures: number; ok: boolean }, probe: ProbeSpec): boolean {
  if (state.failures === 0) return state.ok;
  return !state.ok && state.failures >= (probe.failureThreshold ?? PROBE_DEFAULT_FAILURE_THRESHOLD);
}

export function onProbe(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const c = k.container(p.uid, p.c)!;
  const type = p.type as ProbeType;
  const spec = pod && k.containerSpec(pod, c);
  const probe = spec?.[FIELD[type]] as ProbeSpec | undefined;
  const state = c.probes[type];
  if (!pod || !spec || !probe || !state || c.state !== 'running' || c.stopping) return;
  const period = (probe.periodSeconds ?? PROBE_DEFAULT_PERIOD_S) * 1000;
  // A probe whose results have settled (passing, or a readiness probe failed out) only confirms
  // the present state: it runs as a background timer, so "run until idle" and `get -w` in a
  // script can end. A probe that is counting towards a threshold keeps the cluster busy.
  const next = () =>
    k.schedule(
      period,
      'probe',
      { uid: p.uid, c: c.name, gen: c.gen, type },
      probeSettled(state, probe),
    );
  if (type === 'startup' && c.started) return;
  if (type !== 'startup' && !c.started) return next();
  const r = runProbe(k, pod, c, spec, type, probe);
  if (r.ok) {
    state.successes++;
    state.failures = 0;
  } else {
    state.failures++;
    state.successes = 0;
    k.podEvent(
      pod,
      'Warning',
      'Unhealthy',
      `${TITLE[type]} probe failed: ${r.output}`,
      containerFieldPath(c),
    );
  }
  const successThreshold =
    type === 'readiness' ? (probe.successThreshold ?? PROBE_DEFAULT_SUCCESS_THRESHOLD) : 1;
  const failedOut =
    !r.ok && state.failures >= (probe.failureThreshold ?? PROBE_DEFAULT_FAILURE_THRESHOLD);
  if (r.ok && state.successes >= successThreshold) state.ok = true;
  if (failedOut) state.ok = false;

  // worker.go doProbe: only failureThreshold consecutive failures kill the container; a startup
  // probe that has not failed that often yet is still Unknown (not started, not ready).
  if (type !== 'readiness' && failedOut) {
    const grace =
      probe.terminationGracePeriodSeconds ??
      pod.spec?.terminationGracePeriodSeconds ??
      DEFAULT_GRACE_PERIOD_S;
    stopContainer(k, pod, c, grace, type);
    k.writeStatus(p.uid);
    return;
  }
  if (type === 'startup' && r.ok && state.ok) {
    // Liveness and readiness, ticking meanwhile, take over from their next period.
    c.started = true;
  }
  c.ready = c.started && (c.probes.readiness ? c.probes.readiness.ok : true);
  k.writeStatus(p.uid);
  if (type !== 'startup' || !c.started) next();
}
