/**
 * LimitRanger (`k/k:plugin/pkg/admission/limitranger/admission.go`) for the `Container` limit
 * type: new pods get the namespace's default limits and requests where they set none (recorded in
 * the `kubernetes.io/limit-ranger` annotation), then min, max and maxLimitRequestRatio are enforced.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { parseQuantity } from '../../../cluster/quantity';
import type { ApiStore } from '../../store';
import type { KObject } from '../../types';
import { forbidden } from './forbidden';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

function containerItems(store: ApiStore, ns: string): any[] {
  return store
    .list('LimitRange', { namespace: ns })
    .flatMap((lr) => (lr.spec?.limits ?? []).filter((i: any) => i?.type === 'Container'));
}

/** `mergeContainerResources`: returns the annotation fragments for what it filled in. */
function mergeContainerResources(c: any, item: any, prefix: string): string[] {
  const res = (c.resources ??= {});
  const set = (kind: 'limits' | 'requests', defaults: Record<string, string> | undefined) => {
    const names: string[] = [];
    for (const [k, v] of Object.entries(defaults ?? {})) {
      if (res[kind]?.[k] !== undefined) continue;
      res[kind] = { ...(res[kind] ?? {}), [k]: v };
      names.push(k);
    }
    return names.sort();
  };
  // SetDefaults_LimitRangeItem: default falls back to max, defaultRequest to default, then min.
  const defLimit = { ...(item.max ?? {}), ...(item.default ?? {}) };
  const defRequest = { ...(item.min ?? {}), ...defLimit, ...(item.defaultRequest ?? {}) };
  const limits = set('limits', defLimit);
  const requests = set('requests', defRequest);
  const notes: string[] = [];
  if (requests.length) notes.push(`${requests.join(', ')} request for ${prefix} ${c.name}`);
  if (limits.length) notes.push(`${limits.join(', ')} limit for ${prefix} ${c.name}`);
  return notes;
}

/** minConstraint / maxConstraint / limitRequestRatioConstraint for one container. */
function constraintErrors(c: any, item: any): string[] {
  const req: Record<string, string> = c.resources?.requests ?? {};
  const lim: Record<string, string> = c.resources?.limits ?? {};
  const errs: string[] = [];
  for (const [r, min] of Object.entries<string>(item.min ?? {})) {
    if (req[r] === undefined)
      errs.push(`minimum ${r} usage per Container is ${min}.  No request is specified`);
    else if (parseQuantity(req[r]) < parseQuantity(min))
      errs.push(`minimum ${r} usage per Container is ${min}, but request is ${req[r]}`);
    else if (lim[r] !== undefined && parseQuantity(lim[r]) < parseQuantity(min))
      errs.push(`minimum ${r} usage per Container is ${min}, but limit is ${lim[r]}`);
  }
  for (const [r, max] of Object.entries<string>(item.max ?? {})) {
    if (lim[r] === undefined)
      errs.push(`maximum ${r} usage per Container is ${max}.  No limit is specified`);
    else if (parseQuantity(lim[r]) > parseQuantity(max))
      errs.push(`maximum ${r} usage per Container is ${max}, but limit is ${lim[r]}`);
    else if (req[r] !== undefined && parseQuantity(req[r]) > parseQuantity(max))
      errs.push(`maximum ${r} usage per Container is ${max}, but request is ${req[r]}`);
  }
  for (const [r, ratio] of Object.entries<string>(item.maxLimitRequestRatio ?? {})) {
    const l = parseQuantity(lim[r]);
    const q = parseQuantity(req[r]);
    if (lim[r] === undefined || req[r] === undefined || q === 0) continue;
    if (l / q > parseQuantity(ratio))
      errs.push(
        `${r} max limit to request ratio per Container is ${ratio}, but provided ratio is ${(l / q).toFixed(6)}`,
      );
  }
  return errs;
}

export function admitLimitRanger(pod: KObject, store: ApiStore): void {
  const items = containerItems(store, pod.metadata.namespace ?? 'default');
  if (items.length === 0 || !pod.spec) return;
  const notes: string[] = [];
  const lists: [any[], string][] = [
    [pod.spec.initContainers ?? [], 'init container'],
    [pod.spec.containers ?? [], 'container'],
  ];
  for (const item of items)
    for (const [list, prefix] of lists)
      for (const c of list) if (c) notes.push(...mergeContainerResources(c, item, prefix));
  if (notes.length)
    pod.metadata.annotations = {
      ...(pod.metadata.annotations ?? {}),
      [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}`,
    };
  const errs = items.flatMap((item) =>
    lists.flatMap(([list]) => list.flatMap((c: any) => (c ? constraintErrors(c, item) : []))),
  );
  if (errs.length) throw forbidden(pod, errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
}
