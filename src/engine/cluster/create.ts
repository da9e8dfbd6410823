/**
 * Building and restoring a simulation: the API server's admission chain, the cluster's bootstrap
 * objects, and every component (controllers, scheduler, a kubelet per node, networking).
 */
import { Simulation, type Component, type SimSnapshot } from '../sim';
import type { ClusterConfig } from '../config';
import { EventRecorder } from '../events';
import { installAdmission } from '../api/admission';
import { controllerFactories } from '../controllers';
import { schedulerFactories } from '../scheduler';
import { createNodeComponents, nodeFactories } from '../kubelet';
import { networkFactories } from '../proxy';
import { bootstrapCluster } from './bootstrap';
import { installPortForwards } from '../kubectl/portforward';

/**
 * The cluster is bootstrapped this long before the scenario's start time and run up to it, so the
 * first screen already shows a settled cluster whose system pods are a few minutes old, as on a
 * freshly installed kubeadm cluster.
 */
export const WARM_UP_MS = 5 * 60 * 1000;

function installBase(sim: Simulation): void {
  sim.registerExtension(new EventRecorder(sim));
  // Registered before restoreState so that snapshots bring `kubectl port-forward`s back.
  installPortForwards(sim);
  installAdmission(sim);
}

function registerComponents(sim: Simulation, nodeNames: string[]): void {
  const all: Component[] = [];
  for (const f of [
    ...schedulerFactories,
    ...controllerFactories,
    ...nodeFactories,
    ...networkFactories,
  ])
    all.push(...f(sim));
  for (const n of nodeNames) all.push(...createNodeComponents(sim, n));
  for (const c of all) sim.register(c);
}

/** Adds a node's own components to a running simulation (`kubeplay node add`). */
export function addNodeComponents(sim: Simulation, nodeName: string): void {
  for (const c of createNodeComponents(sim, nodeName)) {
    sim.register(c);
    c.start?.();
  }
}

export function createSimulation(
  config: ClusterConfig,
  opts: { warmUp?: boolean } = {},
): Simulation {
  const warmUp = opts.warmUp ?? true;
  const sim = new Simulation({ ...config }, config.startTime - (warmUp ? WARM_UP_MS : 0));
  installBase(sim);
  bootstrapCluster(sim.store, config, sim.now());
  registerComponents(
    sim,
    config.nodes.map((n) => n.name),
  );
  sim.startAll();
  if (warmUp) sim.advanceTo(config.startTime);
  else sim.settle();
  return sim;
}

export function restoreSimulation(snap: SimSnapshot): Simulation {
  const sim = new Simulation(snap.config);
  installBase(sim);
  sim.store.restore(snap.store);
  const nodes = sim.store.list('Node').map((n) => n.metadata.name);
  registerComponents(sim, nodes);
  sim.restoreState(snap);
  return sim;
}
