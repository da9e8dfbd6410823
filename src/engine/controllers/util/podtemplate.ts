/**
 * Pods from templates (`controller.GetPodFromTemplate`, k/k:pkg/controller/controller_utils.go)
 * and the `RealPodControl` events.
 */
import type { KInput, KObject, OwnerReference } from '../../api/types';
import { deepClone } from '../../api/types';

/** `getPodsPrefix`: `<controller>-`; the API server appends 5 characters. */
export function podsPrefix(controllerName: string): string {
  return `${controllerName}-`;
}

export function podFromTemplate(
  template:
    { metadata?: KObject['metadata'] | Record<string, unknown>; spec?: unknown } | undefined,
  namespace: string | undefined,
  controllerRef: OwnerReference | undefined,
  generateName: string | undefined,
): KInput {
  const md = (template?.metadata ?? {}) as {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(generateName ? { generateName } : {}),
      namespace,
      ...(md.labels ? { labels: { ...md.labels } } : {}),
      ...(md.annotations ? { annotations: { ...md.annotations } } : {}),
      ...(md.finalizers ? { finalizers: [...md.finalizers] } : {}),
      ...(controllerRef ? { ownerReferences: [{ ...controllerRef }] } : {}),
    },
    spec: deepClone(template?.spec ?? {}),
  };
}

/** `controller.PodKey`: namespace/name. */
export function podKey(p: KObject): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

/**
 * `slowStartBatch` (replica_set.go): calls `fn` in batches of 1, 2, 4, ... and stops after the
 * first batch with an error. Returns the number of successes and the first error.
 */
export const SLOW_START_INITIAL_BATCH_SIZE = 1; // controller.SlowStartInitialBatchSize

export function slowStartBatch(
  count: number,
  fn: () => void,
): { successes: number; error?: unknown } {
  let remaining = count;
  let successes = 0;
  for (
    let batch = Math.min(remaining, SLOW_START_INITIAL_BATCH_SIZE);
    batch > 0;
    batch = Math.min(2 * batch, remaining)
  ) {
    let error: unknown;
    for (let i = 0; i < batch; i++) {
      try {
        fn();
        successes++;
      } catch (e) {
        error ??= e;
      }
    }
    if (error !== undefined) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}
