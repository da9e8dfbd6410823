/**
 * ControllerRevisions for DaemonSets and StatefulSets (k/k:pkg/controller/history,
 * daemon/update.go constructHistory, statefulset/stateful_set_utils.go newRevision).
 */
import type { ApiStore } from '../../api/store';
import type { KObject } from '../../api/types';
import { controllerOf, deepClone, jsonEqual } from '../../api/types';
import { computeHash } from './hash';
import { newControllerRef } from './ownerref';

export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** `getPatch`: the template as a strategic-merge "replace" patch, stored as the revision's data. */
export function templatePatch(owner: KObject): Record<string, unknown> {
  return { spec: { template: { ...deepClone(owner.spec.template), $patch: 'replace' } } };
}

export function revisionsOf(store: ApiStore, owner: KObject): KObject[] {
  return store
    .list('ControllerRevision', { namespace: owner.metadata.namespace })
    .filter((r) => controllerOf(r)?.uid === owner.metadata.uid)
    .sort((a, b) => a.revision - b.revision || (a.metadata.name < b.metadata.name ? -1 : 1));
}

/**
 * Finds the revision matching the owner's current template or creates it with revision max+1;
 * an equal older revision is bumped to max+1 (a rollback), as `constructHistory` does.
 */
export function currentRevision(
  store: ApiStore,
  owner: KObject,
  hash: string,
): { cur: KObject; old: KObject[] } {
  const all = revisionsOf(store, owner);
  const data = templatePatch(owner);
  const max = all.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
  const matching = all.filter((r) => jsonEqual(r.data, data));
  let cur = matching[matching.length - 1];
  if (cur) {
    if (cur.revision < max)
      cur = store.mutate(
        'ControllerRevision',
        cur.metadata.namespace,
        cur.metadata.name,
        (r) => (r.revision = max + 1),
      );
  } else {
    cur = store.create({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${owner.metadata.name}-${hash}`,
        namespace: owner.metadata.namespace,
        labels: {
          ...(owner.spec.template?.metadata?.labels ?? {}),
          [CONTROLLER_REVISION_HASH_LABEL]: hash,
        },
        // daemon/update.go snapshot and statefulset newRevision copy the owner's annotations
        // (kubectl rollout history reads kubernetes.io/change-cause from them).
        ...(owner.metadata.annotations && Object.keys(owner.metadata.annotations).length > 0
          ? { annotations: { ...owner.metadata.annotations } }
          : {}),
        ownerReferences: [newControllerRef(owner)],
      },
      data,
      revision: max + 1,
    });
  }
  return { cur, old: all.filter((r) => r.metadata.uid !== cur.metadata.uid) };
}

export function templateHash(owner: KObject): string {
  return computeHash(owner.spec.template, owner.status?.collisionCount);
}

/** Deletes the oldest revisions beyond revisionHistoryLimit (default 10) that no pod uses. */
export function cleanupHistory(
  store: ApiStore,
  owner: KObject,
  old: KObject[],
  liveHashes: Set<string>,
): void {
  const limit = owner.spec.revisionHistoryLimit ?? 10;
  const unused = old.filter(
    (r) =>
      !liveHashes.has(r.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '') &&
      !liveHashes.has(r.metadata.name),
  );
  const toDelete = unused.length - limit;
  for (const r of unused.slice(0, Math.max(0, toDelete)))
    store.delete('ControllerRevision', r.metadata.namespace, r.metadata.name);
}
