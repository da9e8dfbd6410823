/**
 * Step 1 of the graph pipeline (model → filter → group → layout): sorts the structure the worker
 * reported into the lists the graph draws, each in a stable order (namespace, name).
 */
import type { StructRecord } from '../../store/cluster';

export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'ReplicaSet',
] as const;

export interface GraphModel {
  nodes: StructRecord[];
  pods: StructRecord[];
  /** Deployments, StatefulSets, DaemonSets, CronJobs, Jobs and ReplicaSets. */
  workloads: StructRecord[];
  services: StructRecord[];
  namespaces: string[];
}

export function byNamespaceName(a: StructRecord, b: StructRecord): number {
  const na = a.namespace ?? '';
  const nb = b.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function buildModel(structure: Record<string, StructRecord>): GraphModel {
  const m: GraphModel = { nodes: [], pods: [], workloads: [], services: [], namespaces: [] };
  const ns = new Set<string>();
  for (const r of Object.values(structure)) {
    if (r.namespace) ns.add(r.namespace);
    if (r.kind === 'Node') m.nodes.push(r);
    else if (r.kind === 'Pod') m.pods.push(r);
    else if (r.kind === 'Service') m.services.push(r);
    else if (r.kind === 'Namespace') ns.add(r.name);
    else if ((WORKLOAD_KINDS as readonly string[]).includes(r.kind)) m.workloads.push(r);
  }
  m.nodes.sort(byNamespaceName);
  m.pods.sort(byNamespaceName);
  m.workloads.sort(byNamespaceName);
  m.services.sort(byNamespaceName);
  m.namespaces = [...ns].sort();
  return m;
}
