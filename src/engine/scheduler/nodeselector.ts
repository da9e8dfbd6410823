/**
 * Node selector matching (`k8s.io/component-helpers/scheduling/corev1/nodeaffinity`): a pod's
 * nodeSelector AND its required node affinity, whose terms are ORed and whose expressions are ANDed.
 */
import type { KObject } from '../api/types';

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

function matchRequirement(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(v);
    case 'NotIn':
      return !has || !values.includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      const a = Number.parseInt(v, 10);
      const b = Number.parseInt(values[0], 10);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** An empty term matches no node (`nodeaffinity.nodeSelectorTerm.match`). */
export function termMatches(term: NodeSelectorTerm, node: KObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = (node.metadata.labels ?? {}) as Record<string, string>;
  if (!exprs.every((r) => matchRequirement(r, labels))) return false;
  return fields.every(
    (r) =>
      r.key === 'metadata.name' && matchRequirement(r, { 'metadata.name': node.metadata.name }),
  );
}

/** `nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)`. */
export function requiredNodeAffinityMatches(pod: KObject, node: KObject): boolean {
  const sel = (pod.spec?.nodeSelector ?? {}) as Record<string, string>;
  const labels = (node.metadata.labels ?? {}) as Record<string, string>;
  for (const [k, v] of Object.entries(sel)) if (labels[k] !== v) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    ?.nodeSelectorTerms as NodeSelectorTerm[] | undefined;
  if (!terms) return true;
  return terms.some((t) => termMatches(t, node));
}
