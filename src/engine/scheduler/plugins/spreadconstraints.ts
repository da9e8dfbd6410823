/**
 * Topology spread constraints as PodTopologySpread reads them (`k/k:.../podtopologyspread/common.go`):
 * the pod's own constraints, or the system defaults for pods that belong to a Service or workload.
 */
import type { ApiStore } from '../../api/store';
import { controllerOf, type KObject, type LabelSelector } from '../../api/types';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors';
import { SYSTEM_DEFAULT_SPREAD } from '../constants';
import { requiredNodeAffinityMatches } from '../nodeselector';
import { findUntoleratedTaint } from '../taints';

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

interface SpecConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  labelSelector?: LabelSelector;
  minDomains?: number;
  matchLabelKeys?: string[];
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
}

/** `filterTopologySpreadConstraints`: the pod's constraints with one whenUnsatisfiable action. */
export function podConstraints(
  pod: KObject,
  action: 'DoNotSchedule' | 'ScheduleAnyway',
): SpreadConstraint[] {
  const labels = (pod.metadata.labels ?? {}) as Record<string, string>;
  return ((pod.spec?.topologySpreadConstraints ?? []) as SpecConstraint[])
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => {
      const selector = c.labelSelector ? fromLabelSelector(c.labelSelector) : null;
      // matchLabelKeys add `key in (pod's value)` to the selector.
      const extra = (c.matchLabelKeys ?? [])
        .filter((k) => k in labels)
        .map((k) => ({ key: k, op: 'In' as const, values: [labels[k]] }));
      return {
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        // A missing labelSelector matches nothing (labels.Nothing()).
        selector: selector ? [...selector, ...extra] : [{ key: '', op: 'In' as const, values: [] }],
        minDomains: c.minDomains ?? 1,
        nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
        nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
      };
    });
}

/** `helper.DefaultSelector`: selectors of the Services, RC, RS or StatefulSet the pod belongs to. */
export function defaultSelector(pod: KObject, store: ApiStore): Selector {
  const ns = pod.metadata.namespace;
  const labels = (pod.metadata.labels ?? {}) as Record<string, string>;
  const set: Record<string, string> = {};
  for (const svc of store.list('Service', { namespace: ns })) {
    const sel = (svc.spec?.selector ?? {}) as Record<string, string>;
    if (Object.keys(sel).length === 0) continue;
    if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(set, sel);
  }
  let selector: Selector = Object.keys(set)
    .sort()
    .map((k) => ({ key: k, op: '=' as const, values: [set[k]] }));
  const owner = controllerOf(pod);
  if (!owner) return selector;
  if (owner.kind === 'ReplicationController') {
    const rc = store.get('ReplicationController', ns, owner.name);
    if (rc) {
      Object.assign(set, rc.spec?.selector ?? {});
      selector = Object.keys(set)
        .sort()
        .map((k) => ({ key: k, op: '=' as const, values: [set[k]] }));
    }
  } else if (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') {
    const o = store.get(owner.kind, ns, owner.name);
    if (o?.spec?.selector) selector = [...selector, ...fromLabelSelector(o.spec.selector)];
  }
  return selector;
}

/** `buildDefaultConstraints` for the System defaulting type; none when the selector is empty. */
export function systemDefaultConstraints(pod: KObject, store: ApiStore): SpreadConstraint[] {
  const selector = defaultSelector(pod, store);
  if (selector.length === 0) return [];
  return SYSTEM_DEFAULT_SPREAD.map((c) => ({
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selector,
    minDomains: 1,
    nodeAffinityPolicy: 'Honor' as const,
    nodeTaintsPolicy: 'Ignore' as const,
  }));
}

export function nodeHasAllKeys(node: KObject, cs: SpreadConstraint[]): boolean {
  const labels = node.metadata.labels ?? {};
  return cs.every((c) => c.topologyKey in labels);
}

/** `matchNodeInclusionPolicies`. */
export function nodeIncluded(c: SpreadConstraint, pod: KObject, node: KObject): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !requiredNodeAffinityMatches(pod, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor') {
    const t = findUntoleratedTaint(
      node.spec?.taints,
      pod.spec?.tolerations,
      (x) => x.effect === 'NoSchedule' || x.effect === 'NoExecute',
    );
    if (t) return false;
  }
  return true;
}

/** `countPodsMatchSelector`: same namespace, not terminating, labels match. */
export function countPodsMatchSelector(
  pods: KObject[],
  selector: Selector,
  namespace: string | undefined,
): number {
  if (selector.length === 0) return 0;
  let n = 0;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp || p.metadata.namespace !== namespace) continue;
    if (matches(selector, p.metadata.labels)) n++;
  }
  return n;
}
