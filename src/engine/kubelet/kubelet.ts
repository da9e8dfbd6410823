/**
 * The kubelet of one node: watches the pods bound to it and drives each through the stages of
 * its lifecycle (sandbox, image pulls, create, start, probes, restarts, termination), one timer
 * per step so every step is visible. The steps live in their own files; this class holds the
 * state, dispatches timers and writes pod status.
 */
import type { Json } from '../clock';
import type { Component, Simulation } from '../sim';
import type { KObject } from '../api/types';
import { deepClone, jsonEqual } from '../api/types';
import { events, type EventType } from '../events';
import { KUBELET_SYNC_DELAY_MS } from '../timing';
import {
  emptyState,
  type ContainerRt,
  type KubeletCtx,
  type KubeletState,
  type PodRt,
  type StepPayload,
} from './state';
import { computePodStatus } from './status';
import { imageId, lookupImage, prePulledImages } from './images/resolve';
import { syncPod, finalizePod } from './podworker';
import { onPull, onPulled } from './pull';
import { onCreate, onStart, onProcess, onOom, tryRestart } from './lifecycle';
import { onStopped, onKill } from './termination';
import { onProbe } from './probes';
import { heartbeat, postNodeStatus, resyncVolumes } from './nodestatus';
import { ensureMirrorPods } from './staticpods';
import { NODE_LEASE_RENEW_MS, VOLUME_RESYNC_MS } from './constants';

export function kubeletName(node: string): string {
  return `kubelet/${node}`;
}

type Step = (k: Kubelet, p: StepPayload) => void;

const STEPS: Record<string, Step> = {
  pull: onPull,
  pulled: onPulled,
  create: onCreate,
  start: onStart,
  proc: onProcess,
  oom: onOom,
  restart: tryRestart,
  stopped: onStopped,
  kill: onKill,
  probe: onProbe,
};

export class Kubelet implements Component, KubeletCtx {
  readonly name: string;
  state: KubeletState = emptyState();
  private stops: (() => void)[] = [];

  constructor(
    readonly sim: Simulation,
    readonly nodeName: string,
  ) {
    this.name = kubeletName(nodeName);
    this.stops.push(
      sim.store.watch(['Pod'], (e) => {
        const p = e.type === 'DELETED' ? e.object : e.object;
        const mine = p.spec?.nodeName === nodeName || e.old?.spec?.nodeName === nodeName;
        if (mine)
          this.schedule(KUBELET_SYNC_DELAY_MS, 'sync', {
            uid: p.metadata.uid,
            namespace: p.metadata.namespace ?? 'default',
            name: p.metadata.name,
          });
      }),
    );
  }

  start(): void {
    for (const img of prePulledImages(this.sim)) this.cacheImage(img.ref);
    this.sim.after(0, this.name, 'heartbeat', null, true);
    this.sim.after(VOLUME_RESYNC_MS, this.name, 'resync', null, true);
    ensureMirrorPods(this);
    for (const p of this.sim.store.list('Pod', {
      fieldSelector: `spec.nodeName=${this.nodeName}`,
    })) {
      this.schedule(KUBELET_SYNC_DELAY_MS, 'sync', {
        uid: p.metadata.uid,
        namespace: p.metadata.namespace ?? 'default',
        name: p.metadata.name,
      });
    }
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
  }

  /** `background` timers (steady-state probing) do not keep the cluster busy (see TimerQueue). */
  schedule(delayMs: number, action: string, payload: Json, background = false): void {
    this.sim.after(delayMs, this.name, action, payload, background);
  }

  onTimer(action: string, payload: Json): void {
    if (!this.state.up) {
      // The machine is off: nothing runs. Work is replayed when it boots (heartbeats are not).
      if (action !== 'heartbeat' && action !== 'resync')
        this.state.deferred.push({ action, payload });
      return;
    }
    switch (action) {
      case 'sync':
        syncPod(this, payload as { uid: string; namespace: string; name: string });
        return;
      case 'sandbox':
        this.onSandbox(payload as { uid: string });
        return;
      case 'finalize':
        finalizePod(this, (payload as { uid: string }).uid);
        return;
      case 'heartbeat':
        heartbeat(this);
        this.sim.after(NODE_LEASE_RENEW_MS, this.name, 'heartbeat', null, true);
        return;
      case 'resync':
        resyncVolumes(this);
        this.sim.after(VOLUME_RESYNC_MS, this.name, 'resync', null, true);
        return;
      case 'boot':
        this.boot();
        return;
    }
    const step = STEPS[action];
    if (!step) return;
    const p = payload as StepPayload;
    const c = this.container(p.uid, p.c);
    if (!c || c.gen !== p.gen) return; // a step of a replaced container instance
    step(this, p);
  }

  // ------------------------------------------------------------------ machine power

  powerOff(): void {
    this.state.up = false;
  }

  powerOn(): void {
    if (this.state.up) return;
    this.state.up = true;
    this.sim.after(0, this.name, 'boot');
  }

  private boot(): void {
    const deferred = this.state.deferred;
    this.state.deferred = [];
    postNodeStatus(this, true);
    this.sim.after(NODE_LEASE_RENEW_MS, this.name, 'heartbeat', null, true);
    this.sim.after(VOLUME_RESYNC_MS, this.name, 'resync', null, true);
    for (const d of deferred) this.schedule(0, d.action, d.payload);
    for (const p of this.sim.store.list('Pod', {
      fieldSelector: `spec.nodeName=${this.nodeName}`,
    })) {
      this.schedule(KUBELET_SYNC_DELAY_MS, 'sync', {
        uid: p.metadata.uid,
        namespace: p.metadata.namespace ?? 'default',
        name: p.metadata.name,
      });
    }
    for (const rt of Object.values(this.state.pods))
      this.schedule(KUBELET_SYNC_DELAY_MS, 'sync', {
        uid: rt.uid,
        namespace: rt.namespace,
        name: rt.name,
      });
  }

  // ------------------------------------------------------------------ helpers for the steps

  node(): KObject | undefined {
    return this.sim.store.get('Node', undefined, this.nodeName);
  }

  nodeIp(): string {
    return (
      (this.node()?.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')
        ?.address ?? ''
    );
  }

  pod(uid: string): KObject | undefined {
    const rt = this.state.pods[uid];
    if (!rt) return undefined;
    const p = this.sim.store.get('Pod', rt.namespace, rt.name);
    return p?.metadata.uid === uid ? p : undefined;
  }

  container(uid: string, name: string): ContainerRt | undefined {
    return this.state.pods[uid]?.containers[name];
  }

  containerSpec(pod: KObject, c: Pick<ContainerRt, 'init' | 'name'>): KObject['spec'] | undefined {
    const list = c.init ? pod.spec?.initContainers : pod.spec?.containers;
    return (list ?? []).find((x: { name: string }) => x.name === c.name);
  }

  podEvent(
    pod: KObject,
    type: EventType,
    reason: string,
    message: string,
    fieldPath?: string,
  ): void {
    events(this.sim).record(
      pod,
      type,
      reason,
      message,
      { component: 'kubelet', host: this.nodeName },
      fieldPath,
    );
  }

  cacheImage(key: string): void {
    const spec = lookupImage(this.sim, key);
    if (!spec) return;
    this.state.images[key] = { size: spec.size };
    for (const l of spec.layers) this.state.layers[l.digest] = true;
    this.state.statusDirty = true;
  }

  imageIdOf = (key: string): string => {
    const spec = lookupImage(this.sim, key);
    return spec ? imageId(spec) : '';
  };

  /** The status manager: writes the pod's status if it changed. */
  writeStatus(uid: string): void {
    const pod = this.pod(uid);
    const rt = this.state.pods[uid];
    if (!pod || !rt) return;
    const next = computePodStatus(pod, rt, {
      nodeIp: this.nodeIp(),
      now: this.sim.now(),
      imageIdOf: this.imageIdOf,
    });
    if (jsonEqual(next, pod.status)) return;
    const copy = deepClone(pod);
    copy.status = next;
    this.sim.store.update(copy, { subresource: 'status' });
  }

  private onSandbox(p: { uid: string }): void {
    const rt: PodRt | undefined = this.state.pods[p.uid];
    if (!rt || rt.sandboxReady) return;
    rt.sandboxReady = true;
    this.writeStatus(p.uid);
    this.schedule(0, 'sync', { uid: rt.uid, namespace: rt.namespace, name: rt.name });
  }

  snapshot(): Json {
    return deepClone(this.state) as unknown as Json;
  }

  restore(s: Json): void {
    this.state = deepClone(s) as unknown as KubeletState;
  }
}
