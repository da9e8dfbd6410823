/** Node agents: one kubelet per node, plus the node lifecycle, taint-eviction and PV controllers. */
import type { Component, ComponentFactory, Simulation } from '../sim';
import { Kubelet } from './kubelet';
import { NodeLifecycleController } from './node-lifecycle';
import { TaintEvictionController } from './taint-eviction';
import { PvController } from './storage/pv-controller';

/** Components that exist once per node (the kubelet). */
export function createNodeComponents(sim: Simulation, nodeName: string): Component[] {
  return [new Kubelet(sim, nodeName)];
}

/** Cluster-wide node components. */
export const nodeFactories: ComponentFactory[] = [
  (sim) => [
    new NodeLifecycleController(sim),
    new TaintEvictionController(sim),
    new PvController(sim),
  ],
];
