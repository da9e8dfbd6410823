/**
 * namespace-controller (k/k:pkg/controller/namespace/deletion/namespaced_resources_deleter.go):
 * a namespace being deleted turns Terminating, everything in it is deleted, then the `kubernetes`
 * finalizer is removed and the namespace disappears.
 */
import type { Simulation } from '../sim';
import { resourceForKind } from '../api/registry';
import { Controller } from './controller';

export const NAMESPACE_CONTROLLER = 'namespace-controller';
/** The namespace controller re-checks remaining content after this long (its 10 s estimate is shortened here). */
export const NAMESPACE_RECHECK_MS = 1000;
const FINALIZER = 'kubernetes';

export class NamespaceController extends Controller {
  constructor(sim: Simulation) {
    super(sim, NAMESPACE_CONTROLLER);
    this.watch(['Namespace'], (e) => {
      if (e.type === 'DELETED' || e.object.metadata.deletionTimestamp)
        this.queue.add(e.object.metadata.name);
    });
  }

  start(): void {
    for (const ns of this.store.list('Namespace'))
      if (ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name);
  }

  /** Namespaced objects left in `ns` (Events go last, with the namespace). */
  private remaining(ns: string) {
    return this.store
      .kinds()
      .filter((k) => k !== 'Event' && resourceForKind(k)?.namespaced !== false)
      .flatMap((k) => this.store.list(k, { namespace: ns }));
  }

  sync(name: string): void {
    const ns = this.store.get('Namespace', undefined, name);
    if (ns && !ns.metadata.deletionTimestamp) return;
    if (ns && ns.status?.phase !== 'Terminating') {
      this.store.mutate(
        'Namespace',
        undefined,
        name,
        (n) => (n.status = { ...(n.status ?? {}), phase: 'Terminating' }),
        { subresource: 'status' },
      );
    }
    const left = this.remaining(name);
    for (const o of left)
      if (!o.metadata.deletionTimestamp)
        this.store.delete(o.kind, name, o.metadata.name, { propagationPolicy: 'Background' });
    const still = this.remaining(name);
    if (still.length) {
      this.queue.addAfter(name, NAMESPACE_RECHECK_MS);
      return;
    }
    for (const e of this.store.list('Event', { namespace: name }))
      this.store.delete('Event', name, e.metadata.name);
    const cur = this.store.get('Namespace', undefined, name);
    if (cur?.spec?.finalizers?.includes(FINALIZER)) {
      const fin = cur.spec.finalizers.filter((f: string) => f !== FINALIZER);
      // The finalize subresource: spec.finalizers emptied, then the namespace goes (store.delete again).
      this.store.mutate(
        'Namespace',
        undefined,
        name,
        (n) => (n.spec = { ...n.spec, finalizers: fin }),
      );
      if (
        fin.length === 0 &&
        !this.store.get('Namespace', undefined, name)?.metadata.finalizers?.length
      )
        this.store.delete('Namespace', undefined, name);
    }
  }
}
