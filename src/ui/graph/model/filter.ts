/** Step 2: drops namespaced objects of hidden namespaces (Nodes are cluster-scoped and stay). */
import type { GraphModel } from './model';
import type { StructRecord } from '../../store/cluster';

export function filterModel(m: GraphModel, hidden: readonly string[]): GraphModel {
  if (hidden.length === 0) return m;
  const h = new Set(hidden);
  const keep = (r: StructRecord) => !r.namespace || !h.has(r.namespace);
  return {
    ...m,
    pods: m.pods.filter(keep),
    workloads: m.workloads.filter(keep),
    services: m.services.filter(keep),
  };
}
