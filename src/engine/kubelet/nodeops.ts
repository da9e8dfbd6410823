/** Playground commands on machines: `kubeplay node stop|start|add`. */
import type { Simulation } from '../sim';
import { nodeObject } from '../cluster/bootstrap';
import { workerNode } from '../config';
import { addNodeComponents } from '../cluster/create';
import type { Kubelet } from './kubelet';

export interface NodeOpResult {
  ok: boolean;
  message: string;
}

function kubelet(sim: Simulation, name: string): Kubelet | undefined {
  return sim.component<Kubelet>(`kubelet/${name}`);
}

/** Powers the machine off: the kubelet stops heartbeating and nothing on it runs. */
export function stopNode(sim: Simulation, name: string): NodeOpResult {
  const k = kubelet(sim, name);
  if (!k || !sim.store.get('Node', undefined, name))
    return { ok: false, message: `Error: node "${name}" not found` };
  if (!k.state.up) return { ok: false, message: `node ${name} is already stopped` };
  k.powerOff();
  return {
    ok: true,
    message: `node ${name} stopped (kubelet no longer posts status; the control plane notices after ${sim.config.nodeMonitorGracePeriodSeconds}s)`,
  };
}

export function startNode(sim: Simulation, name: string): NodeOpResult {
  const k = kubelet(sim, name);
  if (!k || !sim.store.get('Node', undefined, name))
    return { ok: false, message: `Error: node "${name}" not found` };
  if (k.state.up) return { ok: false, message: `node ${name} is already running` };
  k.powerOn();
  return { ok: true, message: `node ${name} started` };
}

/** Joins a new worker (like `kubeadm join`): the Node object with the next index, IP and podCIDR, and its kubelet. */
export function addNode(
  sim: Simulation,
  opts: { name?: string; cpu?: string; memory?: string },
): NodeOpResult {
  const nodes = sim.store.list('Node');
  let n = nodes.length;
  let name = opts.name;
  if (!name) {
    for (let i = 1; ; i++)
      if (!sim.store.get('Node', undefined, `node-${i}`)) {
        name = `node-${i}`;
        break;
      }
  }
  if (sim.store.get('Node', undefined, name))
    return { ok: false, message: `Error: node "${name}" already exists` };
  // Next free index: after the highest pod CIDR in use.
  const used = nodes.map((x) => Number(/^10\.244\.(\d+)\./.exec(x.spec?.podCIDR ?? '')?.[1] ?? -1));
  n = Math.max(n - 1, ...used) + 1;
  const cfg = workerNode(name, opts.cpu ?? '4', opts.memory ?? '8Gi');
  sim.store.create(nodeObject(cfg, n, sim.config, sim.now()));
  addNodeComponents(sim, name);
  return {
    ok: true,
    message: [
      '[preflight] Running pre-flight checks',
      '[kubelet-start] Starting the kubelet',
      '[kubelet-check] The kubelet is healthy',
      '',
      'This node has joined the cluster:',
      '* Certificate signing request was sent to apiserver and a response was received.',
      '* The Kubelet was informed of the new secure connection details.',
      '',
      "Run 'kubectl get nodes' on the control-plane to see this node join the cluster.",
    ].join('\n'),
  };
}
