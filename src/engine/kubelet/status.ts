/**
 * The pod status the kubelet's status manager writes, computed from the runtime: phase
 * (`k/k:pkg/kubelet/kubelet_pods.go getPhase`), conditions (`pkg/kubelet/status/generate.go`),
 * IPs and container statuses (`convertToAPIContainerStatuses`).
 */
import type { KObject } from '../api/types';
import { rfc3339 } from '../clock';
import { setCondition, type Condition } from '../api/podutil';
import { parseImageRef } from './images/resolve';
import type { ContainerRt, PodRt, TerminatedInfo } from './state';

function terminatedJson(t: TerminatedInfo) {
  return {
    terminated: {
      exitCode: t.exitCode,
      reason: t.reason,
      ...(t.message ? { message: t.message } : {}),
      startedAt: rfc3339(t.startedAt),
      finishedAt: rfc3339(t.finishedAt),
      containerID: t.containerID,
    },
  };
}

function containerStatus(
  spec: { name: string; image: string },
  c: ContainerRt | undefined,
  imageIdOf: (key: string) => string,
  defaultReason: string,
) {
  const image = parseImageRef(spec.image).full;
  if (!c)
    return {
      name: spec.name,
      state: { waiting: { reason: defaultReason } },
      lastState: {},
      ready: false,
      restartCount: 0,
      image: spec.image,
      imageID: '',
      started: false,
    };
  let state: Record<string, unknown>;
  if (c.state === 'running') state = { running: { startedAt: rfc3339(c.startedAt!) } };
  else if (c.state === 'terminated' && c.terminated) state = terminatedJson(c.terminated);
  else
    state = {
      waiting: { reason: c.reason ?? defaultReason, ...(c.message ? { message: c.message } : {}) },
    };
  const ran = !!c.containerID;
  return {
    name: spec.name,
    state,
    lastState: c.lastTerminated ? terminatedJson(c.lastTerminated) : {},
    ready: c.ready,
    restartCount: c.restartCount,
    image: ran ? image : spec.image,
    imageID: ran && c.imageKey ? imageIdOf(c.imageKey) : '',
    ...(c.containerID ? { containerID: c.containerID } : {}),
    started: c.state === 'running' && c.started,
  };
}

/** `getPhase` for the regular containers (init containers keep the pod Pending). */
export function podPhase(pod: KObject, rt: PodRt): string {
  if (rt.finished) return rt.finished;
  const inits = pod.spec?.initContainers ?? [];
  if (rt.initIndex < inits.length) return 'Pending';
  const policy = pod.spec?.restartPolicy ?? 'Always';
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const spec of pod.spec?.containers ?? []) {
    const c = rt.containers[spec.name];
    if (!c || (c.state === 'waiting' && !c.lastTerminated)) waiting++;
    else if (c.state === 'running') running++;
    else if (c.state === 'waiting') stopped++;
    else {
      stopped++;
      if (c.terminated?.exitCode === 0) succeeded++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return policy === 'OnFailure' ? 'Running' : 'Failed';
  }
  return 'Pending';
}

function qosClass(pod: KObject): string {
  const cs = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const has = (c: KObject['spec'], k: string, r: string) => c.resources?.[k]?.[r] !== undefined;
  if (
    cs.every(
      (c) =>
        !has(c, 'requests', 'cpu') &&
        !has(c, 'requests', 'memory') &&
        !has(c, 'limits', 'cpu') &&
        !has(c, 'limits', 'memory'),
    )
  )
    return 'BestEffort';
  const guaranteed = cs.every(
    (c) =>
      has(c, 'limits', 'cpu') &&
      has(c, 'limits', 'memory') &&
      (!has(c, 'requests', 'cpu') || c.resources.requests.cpu === c.resources.limits.cpu) &&
      (!has(c, 'requests', 'memory') || c.resources.requests.memory === c.resources.limits.memory),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export interface StatusInputs {
  nodeIp: string;
  now: number;
  imageIdOf(key: string): string;
}

/** The new status (a fresh object built over a clone of the current one). */
export function computePodStatus(pod: KObject, rt: PodRt, inp: StatusInputs): KObject['status'] {
  const status = JSON.parse(JSON.stringify(pod.status ?? {}));
  const nowIso = rfc3339(inp.now);
  const conds = status as { conditions?: Condition[] };
  const inits = (pod.spec?.initContainers ?? []) as { name: string; image: string }[];
  const apps = (pod.spec?.containers ?? []) as { name: string; image: string }[];
  const phase = podPhase(pod, rt);
  const terminal = phase === 'Succeeded' || phase === 'Failed';

  status.phase = phase;
  status.qosClass ??= qosClass(pod);
  status.hostIP = inp.nodeIp;
  status.hostIPs = [{ ip: inp.nodeIp }];
  if (rt.ip) {
    status.podIP = rt.ip;
    status.podIPs = [{ ip: rt.ip }];
  }
  if (rt.startTime !== undefined) status.startTime ??= rfc3339(rt.startTime);

  if (!conds.conditions?.some((c) => c.type === 'PodScheduled'))
    setCondition(conds, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, nowIso);
  setCondition(
    conds,
    {
      type: 'PodReadyToStartContainers',
      status: rt.sandboxReady && !terminal ? 'True' : 'False',
      lastProbeTime: null,
    },
    nowIso,
  );
  const initDone = rt.initIndex >= inits.length;
  const pendingInits = inits.filter((_, i) => i >= rt.initIndex).map((c) => c.name);
  setCondition(
    conds,
    initDone
      ? {
          type: 'Initialized',
          status: 'True',
          lastProbeTime: null,
          reason: undefined,
          message: undefined,
        }
      : {
          type: 'Initialized',
          status: 'False',
          lastProbeTime: null,
          reason: 'ContainersNotInitialized',
          message: `containers with incomplete status: [${pendingInits.join(' ')}]`,
        },
    nowIso,
  );
  const unready = apps.filter((c) => !rt.containers[c.name]?.ready).map((c) => c.name);
  const ready: Condition = terminal
    ? { type: 'Ready', status: 'False', reason: 'PodCompleted', message: undefined }
    : unready.length === 0 && initDone
      ? { type: 'Ready', status: 'True', reason: undefined, message: undefined }
      : {
          type: 'Ready',
          status: 'False',
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${unready.join(' ')}]`,
        };
  setCondition(conds, { ...ready, type: 'ContainersReady', lastProbeTime: null }, nowIso);
  setCondition(conds, { ...ready, lastProbeTime: null }, nowIso);
  for (const c of conds.conditions!)
    for (const k of ['reason', 'message'] as const) if (c[k] === undefined) delete c[k];
  const order = [
    'PodReadyToStartContainers',
    'Initialized',
    'Ready',
    'ContainersReady',
    'PodScheduled',
  ];
  conds.conditions!.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));

  const defaultReason = inits.length && !initDone ? 'PodInitializing' : 'ContainerCreating';
  if (inits.length)
    status.initContainerStatuses = inits.map((s) =>
      containerStatus(s, rt.containers[s.name], inp.imageIdOf, 'PodInitializing'),
    );
  status.containerStatuses = apps.map((s) =>
    containerStatus(s, rt.containers[s.name], inp.imageIdOf, defaultReason),
  );
  return status;
}
