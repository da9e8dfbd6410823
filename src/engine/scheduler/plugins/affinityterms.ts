/**
 * Pod affinity terms (`k/k:pkg/scheduler/framework/types.go AffinityTerm`): a label selector, the
 * namespaces it applies to (the pod's own when none are given) and a topology key.
 */
import type { ApiStore } from '../../api/store';
import type { KObject, LabelSelector } from '../../api/types';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors';

export interface AffinityTerm {
  /** null: a missing selector, which matches nothing. */
  selector: Selector | null;
  namespaces: Set<string>;
  /** null: no namespaceSelector (matches no namespace by labels). */
  nsSelector: Selector | null;
  topologyKey: string;
}

export interface WeightedTerm extends AffinityTerm {
  weight: number;
}

interface SpecTerm {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  topologyKey: string;
}

export function newAffinityTerm(pod: KObject, t: SpecTerm): AffinityTerm {
  const namespaces = new Set<string>(t.namespaces ?? []);
  // getNamespacesFromPodAffinityTerm: neither namespaces nor a namespaceSelector → the pod's namespace.
  if (namespaces.size === 0 && !t.namespaceSelector)
    namespaces.add(pod.metadata.namespace ?? 'default');
  return {
    selector: t.labelSelector ? fromLabelSelector(t.labelSelector) : null,
    namespaces,
    nsSelector: t.namespaceSelector ? fromLabelSelector(t.namespaceSelector) : null,
    topologyKey: t.topologyKey,
  };
}

/** `AffinityTerm.Matches`. */
export function termMatchesPod(
  t: AffinityTerm,
  pod: KObject,
  nsLabels: Record<string, string> | undefined,
): boolean {
  const nsOk =
    t.namespaces.has(pod.metadata.namespace ?? '') ||
    (t.nsSelector !== null && nsLabels !== undefined && matches(t.nsSelector, nsLabels));
  return nsOk && t.selector !== null && matches(t.selector, pod.metadata.labels);
}

export interface PodAffinityInfo {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedTerm[];
  preferredAntiAffinity: WeightedTerm[];
}

/** `framework.NewPodInfo`'s parsed affinity terms. */
export function podAffinityInfo(pod: KObject): PodAffinityInfo {
  const a = pod.spec?.affinity ?? {};
  const req = (x: { requiredDuringSchedulingIgnoredDuringExecution?: SpecTerm[] } | undefined) =>
    (x?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => newAffinityTerm(pod, t));
  const pref = (
    x:
      | {
          preferredDuringSchedulingIgnoredDuringExecution?: {
            weight: number;
            podAffinityTerm: SpecTerm;
          }[];
        }
      | undefined,
  ) =>
    (x?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({
      ...newAffinityTerm(pod, w.podAffinityTerm),
      weight: w.weight,
    }));
  return {
    requiredAffinity: req(a.podAffinity),
    requiredAntiAffinity: req(a.podAntiAffinity),
    preferredAffinity: pref(a.podAffinity),
    preferredAntiAffinity: pref(a.podAntiAffinity),
  };
}

export function hasPodAffinity(pod: KObject): boolean {
  const a = pod.spec?.affinity;
  return !!(a?.podAffinity || a?.podAntiAffinity);
}

export function namespaceLabels(store: ApiStore, ns: string | undefined): Record<string, string> {
  return (store.get('Namespace', undefined, ns ?? 'default')?.metadata.labels ?? {}) as Record<
    string,
    string
  >;
}
