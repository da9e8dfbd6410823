/** Helpers for the kubelet's tests: a cluster, pods bound straight to a node, event lookups. */
import { defaultClusterConfig, type ClusterConfig } from '../config';
import type { KInput, KObject } from '../api/types';
import { Simulation } from '../sim';
import { EventRecorder } from '../events';
import { installAdmission } from '../api/admission';
import { bootstrapCluster } from '../cluster/bootstrap';
import { createNodeComponents, nodeFactories } from './index';
import type { Kubelet } from './kubelet';

/**
 * A cluster with only the node side running (kubelets, node lifecycle, taint eviction, PV
 * controller): pods are created with spec.nodeName set, so no scheduler or controller is needed.
 */
export function testSim(overrides: Partial<ClusterConfig> = {}): Simulation {
  const cfg = defaultClusterConfig({ seed: 1, addons: false, ...overrides });
  const sim = new Simulation(cfg);
  sim.registerExtension(new EventRecorder(sim));
  installAdmission(sim);
  bootstrapCluster(sim.store, cfg, sim.now());
  for (const f of nodeFactories) for (const c of f(sim)) sim.register(c);
  for (const n of cfg.nodes) for (const c of createNodeComponents(sim, n.name)) sim.register(c);
  sim.startAll();
  sim.settle();
  return sim;
}

export function podOn(
  node: string,
  name: string,
  spec: KInput['spec'],
  meta: KInput['metadata'] = {},
): KInput {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...meta },
    spec: { nodeName: node, ...spec },
  };
}

export function getPod(sim: Simulation, name: string, ns = 'default'): KObject | undefined {
  return sim.store.get('Pod', ns, name);
}

/** Events of an object as `Reason: message`, oldest first (count folded in). */
export function eventsFor(
  sim: Simulation,
  name: string,
  ns = 'default',
): { reason: string; message: string; count: number; t: number; type: string }[] {
  return sim.store
    .list('Event', { namespace: ns })
    .filter((e) => e.involvedObject?.name === name)
    .map((e) => ({
      reason: e.reason,
      message: e.message,
      count: e.count,
      t: Date.parse(e.firstTimestamp),
      type: e.type,
    }))
    .sort((a, b) => a.t - b.t);
}

export function kubelet(sim: Simulation, node: string): Kubelet {
  return sim.component<Kubelet>(`kubelet/${node}`)!;
}

export function containerStatus(sim: Simulation, pod: string, i = 0): KObject['status'] {
  return getPod(sim, pod)?.status?.containerStatuses?.[i];
}
