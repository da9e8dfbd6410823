/**
 * Where a DaemonSet runs: `NodeShouldRunDaemonPod` (k/k:pkg/controller/daemon/daemon_controller.go)
 * and the pod it creates per node (daemon/util/daemonset_util.go).
 */
import type { KObject, Toleration } from '../../api/types';
import { deepClone } from '../../api/types';
import { podMatchesNode, untoleratedTaint } from '../util/nodeaffinity';
import { CONTROLLER_REVISION_HASH_LABEL } from '../util/history';

/** Tolerations every daemon pod gets (`AddOrUpdateDaemonPodTolerations`). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });
  return [
    t('node.kubernetes.io/not-ready', 'NoExecute'),
    t('node.kubernetes.io/unreachable', 'NoExecute'),
    t('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    t('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    t('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    t('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
}

/** `AddOrUpdateTolerationInPodSpec` for each daemon toleration. */
function withDaemonTolerations(spec: KObject['spec']): Toleration[] {
  const out: Toleration[] = [...(spec.tolerations ?? [])];
  for (const t of daemonTolerations(!!spec.hostNetwork)) {
    const i = out.findIndex(
      (x) => x.key === t.key && x.effect === t.effect && x.operator === t.operator,
    );
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}

/** `CreatePodTemplate`: revision labels and tolerations. */
export function daemonPodTemplate(ds: KObject, hash: string): KObject['spec'] {
  const tpl = deepClone(ds.spec.template ?? {});
  tpl.metadata ??= {};
  tpl.metadata.labels = {
    ...(tpl.metadata.labels ?? {}),
    [CONTROLLER_REVISION_HASH_LABEL]: hash,
    'pod-template-generation': String(ds.metadata.generation ?? 1),
  };
  tpl.spec ??= {};
  tpl.spec.tolerations = withDaemonTolerations(tpl.spec);
  return tpl;
}

/** `ReplaceDaemonSetPodNodeNameNodeAffinity`: pin the pod to one node by `metadata.name`. */
export function pinToNode(spec: KObject['spec'], nodeName: string): void {
  const terms = [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }];
  spec.affinity ??= {};
  spec.affinity.nodeAffinity ??= {};
  spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: terms,
  };
}

/** `NodeShouldRunDaemonPod`: [shouldRun, shouldContinueRunning]. */
export function nodeShouldRunDaemonPod(node: KObject, ds: KObject): [boolean, boolean] {
  const spec = { ...deepClone(ds.spec.template?.spec ?? {}) };
  spec.tolerations = withDaemonTolerations(spec);
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return [false, false];
  if (!podMatchesNode(spec, node)) return [false, false];
  const taints = node.spec?.taints ?? [];
  if (untoleratedTaint(taints, spec.tolerations, ['NoSchedule', 'NoExecute'])) {
    return [false, !untoleratedTaint(taints, spec.tolerations, ['NoExecute'])];
  }
  return [true, true];
}

/** `GetTargetNodeName`: spec.nodeName, or the node the affinity pins the pod to. */
export function targetNode(pod: KObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms ?? [];
  for (const t of terms)
    for (const f of t.matchFields ?? [])
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1)
        return f.values[0];
  return undefined;
}
