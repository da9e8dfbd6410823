/**
 * serviceaccount-controller (k/k:pkg/controller/serviceaccount/serviceaccounts_controller.go):
 * ensures a `default` ServiceAccount in every active namespace.
 */
import type { Simulation } from '../sim';
import { Controller } from './controller';

export const SERVICEACCOUNT_CONTROLLER = 'serviceaccount-controller';

export class ServiceAccountController extends Controller {
  constructor(sim: Simulation) {
    super(sim, SERVICEACCOUNT_CONTROLLER);
    this.watch(
      ['Namespace'],
      (e) => e.type !== 'DELETED' && this.queue.add(e.object.metadata.name),
    );
    this.watch(
      ['ServiceAccount'],
      (e) =>
        e.type === 'DELETED' &&
        e.object.metadata.name === 'default' &&
        this.queue.add(e.object.metadata.namespace ?? ''),
    );
  }

  start(): void {
    for (const ns of this.store.list('Namespace')) this.queue.add(ns.metadata.name);
  }

  sync(ns: string): void {
    const n = this.store.get('Namespace', undefined, ns);
    if (!n || n.status?.phase === 'Terminating' || n.metadata.deletionTimestamp) return;
    if (this.store.get('ServiceAccount', ns, 'default')) return;
    this.store.create({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: ns },
    });
  }
}
