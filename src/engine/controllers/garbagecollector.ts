/**
 * The garbage collector (k/k:pkg/controller/garbagecollector/garbagecollector.go): deletes
 * dependents whose owners are gone (background), deletes blocking dependents before removing an
 * owner's `foregroundDeletion` finalizer (foreground), and strips ownerReferences before removing
 * the `orphan` finalizer (orphan). Keys are `<kind>/<namespace>/<name>`.
 */
import type { Simulation } from '../sim';
import type { KObject, OwnerReference } from '../api/types';
import { keyOf } from '../api/types';
import type { WatchEvent } from '../api/store';
import { resourceForKind } from '../api/registry';
import { Controller } from './controller';

export const GARBAGE_COLLECTOR = 'garbagecollector';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

function parseKey(key: string): { kind: string; namespace: string | undefined; name: string } {
  const [kind, ns, ...rest] = key.split('/');
  return { kind, namespace: ns || undefined, name: rest.join('/') };
}

const keyFor = (o: KObject) => keyOf(o.kind, o.metadata.namespace, o.metadata.name);

export class GarbageCollector extends Controller {
  constructor(sim: Simulation) {
    super(sim, GARBAGE_COLLECTOR);
    this.watch(null, (e) => this.onEvent(e));
  }

  start(): void {
    for (const o of this.store.all()) {
      if (o.metadata.ownerReferences?.length || this.hasGcFinalizer(o)) this.queue.add(keyFor(o));
    }
  }

  private hasGcFinalizer(o: KObject): boolean {
    const f = o.metadata.finalizers ?? [];
    return (
      !!o.metadata.deletionTimestamp &&
      (f.includes(FOREGROUND_FINALIZER) || f.includes(ORPHAN_FINALIZER))
    );
  }

  private onEvent(e: WatchEvent): void {
    const o = e.object;
    if (o.kind === 'Event') return;
    if (e.type === 'DELETED') {
      for (const dep of this.dependentsOf(o)) this.queue.add(keyFor(dep));
      for (const ref of o.metadata.ownerReferences ?? []) this.enqueueOwner(o, ref);
      return;
    }
    if (this.hasGcFinalizer(o)) this.queue.add(keyFor(o));
    const refsChanged =
      JSON.stringify(e.old?.metadata.ownerReferences) !==
      JSON.stringify(o.metadata.ownerReferences);
    if (o.metadata.ownerReferences?.length && (e.type === 'ADDED' || refsChanged))
      this.queue.add(keyFor(o));
    // A dependent starting to terminate may unblock nothing yet; its disappearance will.
  }

  private enqueueOwner(dep: KObject, ref: OwnerReference): void {
    const owner = this.ownerOf(dep, ref);
    if (owner) this.queue.add(keyFor(owner));
  }

  private ownerOf(dep: KObject, ref: OwnerReference): KObject | undefined {
    const namespaced = resourceForKind(ref.kind)?.namespaced ?? true;
    const o = this.store.get(ref.kind, namespaced ? dep.metadata.namespace : undefined, ref.name);
    return o && o.metadata.uid === ref.uid ? o : undefined;
  }

  /** Objects with an ownerReference to `owner`'s uid (the graph builder's dependents). */
  dependentsOf(owner: KObject): KObject[] {
    const namespaced = !!owner.metadata.namespace;
    const out: KObject[] = [];
    for (const kind of this.store.kinds()) {
      if (kind === 'Event') continue;
      const list = namespaced
        ? this.store.list(kind, { namespace: owner.metadata.namespace })
        : this.store.list(kind);
      for (const o of list)
        if (o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid)) out.push(o);
    }
    return out;
  }

  sync(key: string): void {
    const { kind, namespace, name } = parseKey(key);
    const item = this.store.get(kind, namespace, name);
    if (!item) return;
    const finalizers = item.metadata.finalizers ?? [];
    if (item.metadata.deletionTimestamp) {
      if (finalizers.includes(ORPHAN_FINALIZER)) return this.orphanDependents(item);
      if (finalizers.includes(FOREGROUND_FINALIZER)) return this.processDeletingDependents(item);
      return;
    }
    this.attemptToDelete(item);
  }

  /** `attemptToDeleteItem` for an object that is not being deleted. */
  private attemptToDelete(item: KObject): void {
    const refs = item.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const owner = this.ownerOf(item, ref);
      if (!owner) dangling.push(ref);
      else if (
        owner.metadata.deletionTimestamp &&
        owner.metadata.finalizers?.includes(FOREGROUND_FINALIZER)
      )
        waiting.push(ref);
      else solid.push(ref);
    }
    const { namespace, name } = item.metadata;
    if (solid.length) {
      if (!dangling.length && !waiting.length) return;
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      this.store.mutate(item.kind, namespace, name, (o) => {
        o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter(
          (r) => !drop.has(r.uid),
        );
      });
      return;
    }
    const hasDependents = this.dependentsOf(item).length > 0;
    let policy: 'Foreground' | 'Background' | 'Orphan' = 'Background';
    if (waiting.length && hasDependents) policy = 'Foreground';
    else if (item.metadata.finalizers?.includes(ORPHAN_FINALIZER)) policy = 'Orphan';
    else if (item.metadata.finalizers?.includes(FOREGROUND_FINALIZER)) policy = 'Foreground';
    this.store.delete(item.kind, namespace, name, {
      propagationPolicy: policy,
      uid: item.metadata.uid,
    });
  }

  /** Foreground: delete dependents that block the owner, then drop the finalizer. */
  private processDeletingDependents(owner: KObject): void {
    const blocking = this.dependentsOf(owner).filter((d) =>
      d.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion),
    );
    if (blocking.length === 0) {
      this.store.removeFinalizer(
        owner.kind,
        owner.metadata.namespace,
        owner.metadata.name,
        FOREGROUND_FINALIZER,
      );
      return;
    }
    for (const dep of blocking) if (!dep.metadata.deletionTimestamp) this.attemptToDelete(dep);
  }

  /** Orphan: remove the ownerReference from every dependent, then the finalizer. */
  private orphanDependents(owner: KObject): void {
    for (const dep of this.dependentsOf(owner)) {
      this.store.mutate(dep.kind, dep.metadata.namespace, dep.metadata.name, (o) => {
        const refs = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
        if (refs.length) o.metadata.ownerReferences = refs;
        else delete o.metadata.ownerReferences;
      });
    }
    this.store.removeFinalizer(
      owner.kind,
      owner.metadata.namespace,
      owner.metadata.name,
      ORPHAN_FINALIZER,
    );
  }
}
