/**
 * Node selection shared by the DaemonSet controller: nodeSelector + required node affinity
 * (`nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)`) and taint toleration
 * (`v1helper.TolerationsTolerateTaint`).
 */
import type { KObject, Taint, Toleration } from '../../api/types';

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

function matchRequirement(r: Requirement, value: string | undefined): boolean {
  const vals = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && vals.includes(value);
    case 'NotIn':
      return value === undefined || !vals.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && /^-?\d+$/.test(value) && Number(value) > Number(vals[0]);
    case 'Lt':
      return value !== undefined && /^-?\d+$/.test(value) && Number(value) < Number(vals[0]);
    default:
      return false;
  }
}

export function podMatchesNode(spec: KObject['spec'], node: KObject): boolean {
  const labels: Record<string, string> = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries((spec?.nodeSelector ?? {}) as Record<string, string>))
    if (labels[k] !== v) return false;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    ?.nodeSelectorTerms as
    { matchExpressions?: Requirement[]; matchFields?: Requirement[] }[] | undefined;
  if (!terms) return true;
  return terms.some((t) => {
    if (!t.matchExpressions?.length && !t.matchFields?.length) return false;
    const exprOk = (t.matchExpressions ?? []).every((r) =>
      matchRequirement(
        r,
        Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined,
      ),
    );
    const fieldOk = (t.matchFields ?? []).every((r) =>
      matchRequirement(r, r.key === 'metadata.name' ? node.metadata.name : undefined),
    );
    return exprOk && fieldOk;
  });
}

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/** The first taint with an effect in `effects` that no toleration tolerates. */
export function untoleratedTaint(
  taints: Taint[],
  tolerations: Toleration[],
  effects: string[],
): Taint | undefined {
  return taints.find(
    (taint) => effects.includes(taint.effect) && !tolerations.some((t) => tolerates(t, taint)),
  );
}
