/** StatefulSet pod identity and storage (k/k:pkg/controller/statefulset/stateful_set_utils.go). */
import type { KInput, KObject } from '../../api/types';
import { deepClone } from '../../api/types';
import { isPodReady } from '../../api/podutil';
import { CONTROLLER_REVISION_HASH_LABEL } from '../util/history';
import { newControllerRef } from '../util/ownerref';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** `getOrdinal`: the number after the last dash of `<sts>-<n>`, or -1. */
export function ordinalOf(sts: KObject, pod: KObject): number {
  const prefix = `${sts.metadata.name}-`;
  const n = pod.metadata.name;
  if (!n.startsWith(prefix) || !/^\d+$/.test(n.slice(prefix.length))) return -1;
  return Number(n.slice(prefix.length));
}

export const claimName = (claim: string, sts: KObject, ord: number) =>
  `${claim}-${sts.metadata.name}-${ord}`;

/** `newVersionedStatefulSetPod`: identity labels, hostname/subdomain, claim volumes. */
export function newStatefulPod(sts: KObject, ord: number, revision: string): KInput {
  const name = `${sts.metadata.name}-${ord}`;
  const tpl = deepClone(sts.spec.template ?? {});
  const spec = tpl.spec ?? {};
  spec.hostname = name;
  if (sts.spec.serviceName) spec.subdomain = sts.spec.serviceName;
  const vols = (spec.volumes ?? []).filter(
    (v: { name: string }) =>
      !(sts.spec.volumeClaimTemplates ?? []).some((c: KObject) => c.metadata.name === v.name),
  );
  for (const c of sts.spec.volumeClaimTemplates ?? [])
    vols.push({
      name: c.metadata.name,
      persistentVolumeClaim: { claimName: claimName(c.metadata.name, sts, ord) },
    });
  if (vols.length) spec.volumes = vols;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: sts.metadata.namespace,
      labels: {
        ...(tpl.metadata?.labels ?? {}),
        [POD_NAME_LABEL]: name,
        [POD_INDEX_LABEL]: String(ord),
        [CONTROLLER_REVISION_HASH_LABEL]: revision,
      },
      ...(tpl.metadata?.annotations ? { annotations: { ...tpl.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(sts)],
    },
    spec,
  };
}

/** `getPersistentVolumeClaims`: one claim per template, labelled with the selector's labels. */
export function claimsFor(sts: KObject, ord: number): KInput[] {
  return (sts.spec.volumeClaimTemplates ?? []).map((c: KObject) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: claimName(c.metadata.name, sts, ord),
      namespace: sts.metadata.namespace,
      labels: { ...(c.metadata.labels ?? {}), ...(sts.spec.selector?.matchLabels ?? {}) },
      ...(c.metadata.annotations ? { annotations: { ...c.metadata.annotations } } : {}),
    },
    spec: deepClone(c.spec ?? {}),
  }));
}

export const isRunningAndReady = (p: KObject) => p.status?.phase === 'Running' && isPodReady(p);
export const revisionOfPod = (p: KObject) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
