/**
 * The pod worker's sync (`k/k:pkg/kubelet/kubelet.go SyncPod`): admit a new pod and create its
 * sandbox, run init containers in order, then start every app container; hand deleted pods to
 * termination and confirm their removal.
 */
import type { Kubelet } from './kubelet';
import type { ContainerRt, PodRt } from './state';
import { allocateIp } from './ipam';
import { setUpVolumes } from './volumes';
import { beginTermination } from './termination';
import { POD_RETRY_MS, SANDBOX_CREATE_MS } from './constants';

export function newContainerRt(name: string, init: boolean): ContainerRt {
  return {
    name,
    init,
    gen: 0,
    state: 'waiting',
    restartCount: 0,
    busy: false,
    ignoresSigterm: false,
    serving: false,
    fs: {},
    logs: [],
    ready: false,
    started: false,
    probes: {},
    requests: 0,
    env: {},
  };
}

export function syncPod(k: Kubelet, ref: { uid: string; namespace: string; name: string }): void {
  const stored = k.sim.store.get('Pod', ref.namespace, ref.name);
  const pod = stored?.metadata.uid === ref.uid ? stored : undefined;
  let rt: PodRt | undefined = k.state.pods[ref.uid];
  if (!pod || pod.spec?.nodeName !== k.nodeName) {
    // Gone from the API (force-deleted, or confirmed): stop everything and free the IP.
    if (rt) delete k.state.pods[ref.uid];
    return;
  }
  if (!rt) {
    if (pod.metadata.deletionTimestamp) {
      // Never started here: nothing to stop.
      k.sim.store.delete('Pod', ref.namespace, ref.name, { gracePeriodSeconds: 0, uid: ref.uid });
      return;
    }
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    rt = {
      uid: ref.uid,
      namespace: ref.namespace,
      name: ref.name,
      sandboxReady: false,
      initIndex: 0,
      containers: {},
      volumes: {},
      terminating: false,
    };
    k.state.pods[ref.uid] = rt;
    rt.startTime = k.sim.now();
    for (const c of pod.spec?.initContainers ?? [])
      rt.containers[c.name] = newContainerRt(c.name, true);
    for (const c of pod.spec?.containers ?? [])
      rt.containers[c.name] = newContainerRt(c.name, false);
    k.writeStatus(ref.uid);
  }
  if (pod.metadata.deletionTimestamp) {
    beginTermination(k, pod, rt);
    return;
  }
  if (rt.finished) return;
  if (!rt.sandboxReady) {
    if (rt.ip) return; // sandbox being created
    const failed = setUpVolumes(k.sim, pod, rt);
    if (failed) {
      k.podEvent(
        pod,
        'Warning',
        'FailedMount',
        `MountVolume.SetUp failed for volume "${failed.volume}" : ${failed.message}`,
      );
      k.schedule(POD_RETRY_MS, 'sync', ref);
      return;
    }
    rt.ip = pod.spec?.hostNetwork
      ? k.nodeIp()
      : allocateIp(k.state, k.node()?.spec?.podCIDR ?? '10.244.0.0/24');
    k.schedule(SANDBOX_CREATE_MS, 'sandbox', { uid: ref.uid });
    return;
  }
  const inits = pod.spec?.initContainers ?? [];
  if (rt.initIndex < inits.length) {
    beginContainer(k, rt, rt.containers[inits[rt.initIndex].name]);
  } else {
    for (const c of pod.spec?.containers ?? []) beginContainer(k, rt, rt.containers[c.name]);
  }
  k.writeStatus(ref.uid);
}

/** Starts the pull → create → start pipeline of an idle waiting container. */
function beginContainer(k: Kubelet, rt: PodRt, c: ContainerRt | undefined): void {
  if (!c || c.busy || c.state !== 'waiting') return;
  c.busy = true;
  c.gen++;
  k.schedule(0, 'pull', { uid: rt.uid, c: c.name, gen: c.gen });
}

/** Every container has stopped: write the final status and confirm the deletion (grace 0). */
export function finalizePod(k: Kubelet, uid: string): void {
  const rt = k.state.pods[uid];
  const pod = k.pod(uid);
  if (!rt) return;
  if (pod) {
    const apps = Object.values(rt.containers).filter((c) => !c.init);
    if (!rt.finished)
      rt.finished = apps.every((c) => c.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
    rt.sandboxReady = false;
    k.writeStatus(uid);
    if (pod.metadata.deletionTimestamp)
      k.sim.store.delete('Pod', rt.namespace, rt.name, { gracePeriodSeconds: 0, uid });
  }
  delete k.state.pods[uid];
}
