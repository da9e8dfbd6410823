/**
 * NamespaceLifecycle (`k/k:plugin/pkg/admission/namespace/lifecycle/admission.go`, in
 * `kubernetes/apiserver`): nothing is created or updated in a namespace that does not exist,
 * nothing new is created in one that is terminating, and the system namespaces cannot be deleted.
 */
import { notFound } from '../../errors';
import { resourceForKind } from '../../registry';
import type { ApiStore, Operation } from '../../store';
import type { KObject } from '../../types';
import { forbidden } from './forbidden';

/** `immortalNamespaces` as kube-apiserver configures the plugin. */
export const IMMORTAL_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export function namespaceLifecycle(op: Operation, obj: KObject, store: ApiStore): void {
  if (obj.kind === 'Namespace') {
    if (op === 'DELETE' && IMMORTAL_NAMESPACES.includes(obj.metadata.name))
      throw forbidden(obj, 'this namespace may not be deleted');
    return;
  }
  const ns = obj.metadata?.namespace;
  if (!ns || resourceForKind(obj.kind)?.namespaced === false) return;
  if (op === 'DELETE') return;
  const namespace = store.get('Namespace', undefined, ns);
  if (!namespace) throw notFound('namespaces', ns);
  const terminating =
    namespace.status?.phase === 'Terminating' || !!namespace.metadata.deletionTimestamp;
  if (op === 'CREATE' && terminating) {
    throw forbidden(
      obj,
      `unable to create new content in namespace ${ns} because it is being terminated`,
    );
  }
}
