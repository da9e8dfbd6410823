/** Test fixtures for plugin tests: node objects and a cycle context over them. */
import type { ApiStore } from '../../api/store';
import { deepClone, type KObject } from '../../api/types';
import { nodeObject } from '../../cluster/bootstrap';
import { defaultClusterConfig, workerNode, type NodeConfig } from '../../config';
import type { CycleContext } from '../framework';
import { buildSnapshot } from '../nodeinfo';
import { testPod, type PodOptions } from '../testutil';

let uid = 0;

export function node(
  name: string,
  o: Partial<NodeConfig> & { unschedulable?: boolean } = {},
): KObject {
  const cfg = defaultClusterConfig();
  const n = nodeObject({ ...workerNode(name), ...o }, 0, cfg, 0) as KObject;
  n.metadata.uid = `node-${name}`;
  if (o.unschedulable) n.spec.unschedulable = true;
  return n;
}

export function pod(name: string, o: PodOptions = {}): KObject {
  const p = deepClone(testPod(name, o)) as KObject;
  p.metadata.uid = `uid-${name}-${uid++}`;
  return p;
}

/** A store stand-in with no objects (plugins only read Services/Namespaces/owners from it). */
const emptyStore = { list: () => [], get: () => undefined } as unknown as ApiStore;

export function context(
  incoming: KObject,
  nodes: KObject[],
  bound: KObject[] = [],
  store: ApiStore = emptyStore,
): CycleContext {
  return { pod: incoming, snapshot: buildSnapshot(nodes, bound), store, state: new Map() };
}
