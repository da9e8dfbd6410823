/**
 * Controller references and the claim/adopt/release protocol of
 * `k/k:pkg/controller/controller_ref_manager.go` (`BaseControllerRefManager.ClaimObject`).
 */
import type { ApiStore } from '../../api/store';
import { ApiError } from '../../api/errors';
import { controllerOf, type KObject, type OwnerReference } from '../../api/types';

/** `metav1.NewControllerRef`: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface ClaimOptions {
  store: ApiStore;
  owner: KObject;
  match: (o: KObject) => boolean;
}

function recheckOwner(store: ApiStore, owner: KObject): void {
  // RecheckDeletionTimestamp: read the owner fresh before adopting (CanAdopt).
  const fresh = store.get(owner.kind, owner.metadata.namespace, owner.metadata.name);
  if (!fresh || fresh.metadata.uid !== owner.metadata.uid) {
    throw new ApiError(
      'Conflict',
      `original ${owner.kind} ${owner.metadata.namespace}/${owner.metadata.name} is gone: got uid ${fresh?.metadata.uid ?? ''}, wanted ${owner.metadata.uid}`,
    );
  }
  if (fresh.metadata.deletionTimestamp) {
    throw new ApiError(
      'Conflict',
      `${owner.metadata.namespace}/${owner.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`,
    );
  }
}

function adopt(store: ApiStore, owner: KObject, o: KObject): KObject {
  recheckOwner(store, owner);
  return store.mutate(o.kind, o.metadata.namespace, o.metadata.name, (x) => {
    x.metadata.ownerReferences = [...(x.metadata.ownerReferences ?? []), newControllerRef(owner)];
  });
}

function release(store: ApiStore, owner: KObject, o: KObject): void {
  store.mutate(o.kind, o.metadata.namespace, o.metadata.name, (x) => {
    const refs = (x.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
    if (refs.length) x.metadata.ownerReferences = refs;
    else delete x.metadata.ownerReferences;
  });
}

/** Returns the objects this owner controls after adopting matching orphans and releasing non-matching children. */
export function claimObjects(opts: ClaimOptions, objs: KObject[]): KObject[] {
  const { store, owner, match } = opts;
  const claimed: KObject[] = [];
  for (const o of objs) {
    const ref = controllerOf(o);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (match(o)) {
        claimed.push(o);
        continue;
      }
      if (owner.metadata.deletionTimestamp) continue;
      if (store.get(o.kind, o.metadata.namespace, o.metadata.name)) release(store, owner, o);
      continue;
    }
    if (owner.metadata.deletionTimestamp || !match(o) || o.metadata.deletionTimestamp) continue;
    if (owner.metadata.namespace && owner.metadata.namespace !== o.metadata.namespace) continue;
    if (!store.get(o.kind, o.metadata.namespace, o.metadata.name)) continue;
    claimed.push(adopt(store, owner, o));
  }
  return claimed;
}

/** Objects of `kind` whose controllerRef points at `owner` (no adoption). */
export function ownedBy(store: ApiStore, kind: string, owner: KObject): KObject[] {
  return store
    .list(kind, { namespace: owner.metadata.namespace })
    .filter((o) => controllerOf(o)?.uid === owner.metadata.uid);
}

/** The owner of `o` named by its controllerRef, if it still exists with that uid (`resolveControllerRef`). */
export function resolveControllerRef(
  store: ApiStore,
  o: KObject,
  kind: string,
): KObject | undefined {
  const ref = controllerOf(o);
  if (!ref || ref.kind !== kind) return undefined;
  const owner = store.get(kind, o.metadata.namespace, ref.name);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}
