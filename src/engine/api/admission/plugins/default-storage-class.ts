/**
 * DefaultStorageClass admission (k/k:plugin/pkg/admission/storage/storageclass/setdefault): a
 * PersistentVolumeClaim created without `storageClassName` gets the cluster's default
 * StorageClass (annotation storageclass.kubernetes.io/is-default-class: "true"). An explicit ""
 * means "no class" and is left alone.
 */
import type { ApiStore } from '../../store';
import type { KObject } from '../../types';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export function defaultStorageClass(pvc: KObject, store: ApiStore): void {
  if (pvc.spec?.storageClassName !== undefined && pvc.spec?.storageClassName !== null) return;
  // With several defaults the newest wins (GetDefaultClass sorts by creation time).
  const defaults = store
    .list('StorageClass')
    .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
    .sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : -1));
  if (defaults.length > 0) pvc.spec = { ...pvc.spec, storageClassName: defaults[0].metadata.name };
}
