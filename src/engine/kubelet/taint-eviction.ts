/**
 * The taint-eviction controller (`k/k:pkg/controller/tainteviction/taint_eviction.go`): when a
 * node has NoExecute taints, pods that do not tolerate them are deleted at once, and pods that
 * tolerate them for `tolerationSeconds` are deleted when that time runs out (counted from the
 * taint's timeAdded). Taints removed in time cancel the eviction.
 */
import type { Json } from '../clock';
import { parseTime } from '../clock';
import type { Component, Simulation } from '../sim';
import type { KObject, Taint, Toleration } from '../api/types';
import { events } from '../events';
import { CONTROLLER_SYNC_DELAY_MS } from '../timing';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
const SOURCE = { component: 'taint-eviction-controller' };

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/** When the pod must go: now (untolerated), at a time, or never (tolerated forever). */
export function evictionTime(pod: KObject, taints: Taint[], now: number): number | undefined {
  let at: number | undefined;
  for (const taint of taints.filter((t) => t.effect === 'NoExecute')) {
    const matching = ((pod.spec?.tolerations ?? []) as Toleration[]).filter((t) =>
      tolerates(t, taint),
    );
    if (matching.length === 0) return now;
    const secs = matching
      .map((t) => t.tolerationSeconds)
      .filter((s): s is number => s !== undefined && s !== null);
    if (secs.length < matching.length) continue; // one toleration without a limit: tolerated forever
    const added = parseTime(taint.timeAdded as string | undefined) ?? now;
    const t = added + Math.max(0, Math.min(...secs)) * 1000;
    at = at === undefined ? t : Math.min(at, t);
  }
  return at;
}

export class TaintEvictionController implements Component {
  readonly name = TAINT_EVICTION_CONTROLLER;
  /** Pending evictions by pod uid: the time they fire. */
  private pending: Record<string, number> = {};
  private stops: (() => void)[] = [];

  constructor(private sim: Simulation) {
    this.stops.push(
      sim.store.watch(['Node'], (e) => {
        if (
          e.type !== 'DELETED' &&
          JSON.stringify(e.object.spec?.taints ?? []) !== JSON.stringify(e.old?.spec?.taints ?? [])
        ) {
          sim.after(CONTROLLER_SYNC_DELAY_MS, this.name, 'node', e.object.metadata.name);
        }
      }),
      sim.store.watch(['Pod'], (e) => {
        const n = e.object.spec?.nodeName;
        if (e.type !== 'DELETED' && n && n !== e.old?.spec?.nodeName)
          sim.after(CONTROLLER_SYNC_DELAY_MS, this.name, 'node', n);
      }),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
  }

  onTimer(action: string, payload: Json): void {
    if (action === 'node') this.syncNode(payload as string);
    if (action === 'evict') this.evict(payload as { uid: string; namespace: string; name: string });
  }

  private syncNode(nodeName: string): void {
    const node = this.sim.store.get('Node', undefined, nodeName);
    const taints = (node?.spec?.taints ?? []) as Taint[];
    const now = this.sim.now();
    for (const pod of this.sim.store.list('Pod', { fieldSelector: `spec.nodeName=${nodeName}` })) {
      if (pod.metadata.deletionTimestamp) continue;
      const uid = pod.metadata.uid;
      const at = evictionTime(pod, taints, now);
      const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (at === undefined) {
        if (this.pending[uid] !== undefined) {
          delete this.pending[uid];
          events(this.sim).record(
            pod,
            'Normal',
            'TaintManagerEviction',
            `Cancelling deletion of Pod ${ref}`,
            SOURCE,
          );
        }
        continue;
      }
      if (this.pending[uid] === at) continue;
      this.pending[uid] = at;
      this.sim.at(at, this.name, 'evict', {
        uid,
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
      });
    }
  }

  private evict(p: { uid: string; namespace: string; name: string }): void {
    const at = this.pending[p.uid];
    if (at === undefined || at > this.sim.now()) return; // cancelled or rescheduled
    delete this.pending[p.uid];
    const pod = this.sim.store.get('Pod', p.namespace, p.name);
    if (!pod || pod.metadata.uid !== p.uid || pod.metadata.deletionTimestamp) return;
    events(this.sim).record(
      pod,
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${p.namespace}/${p.name}`,
      SOURCE,
    );
    this.sim.store.delete('Pod', p.namespace, p.name, { uid: p.uid });
  }

  snapshot(): Json {
    return { ...this.pending };
  }

  restore(s: Json): void {
    this.pending = { ...(s as Record<string, number>) };
  }
}
