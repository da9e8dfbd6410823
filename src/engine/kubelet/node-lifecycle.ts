/**
 * The node lifecycle controller (`k/k:pkg/controller/nodelifecycle/node_lifecycle_controller.go`):
 * every node-monitor-period (5 s) it checks each node's heartbeat (Lease renewals and Ready
 * heartbeats); after node-monitor-grace-period (50 s) without one, every condition becomes Unknown
 * ("Kubelet stopped posting node status."), the node is tainted unreachable (NoSchedule and
 * NoExecute) and its pods are marked not Ready. Taints go when the kubelet reports Ready again.
 */
import type { Json } from '../clock';
import { rfc3339 } from '../clock';
import type { Component, Simulation } from '../sim';
import type { KObject, Taint } from '../api/types';
import { events } from '../events';
import { NODE_MONITOR_PERIOD_MS } from './constants';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
const SOURCE = { component: 'node-controller' };
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
const UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';

interface NodeHealth {
  probeTs: number;
  lease?: string;
  heartbeat?: string;
}

function readyCondition(n: KObject): { status: string; lastHeartbeatTime?: string } | undefined {
  return n.status?.conditions?.find((c: { type: string }) => c.type === 'Ready');
}

export class NodeLifecycleController implements Component {
  readonly name = NODE_LIFECYCLE_CONTROLLER;
  private health: Record<string, NodeHealth> = {};
  private registered: Record<string, true> = {};

  constructor(private sim: Simulation) {}

  start(): void {
    this.sim.after(0, this.name, 'monitor', null, true);
  }

  onTimer(action: string): void {
    if (action !== 'monitor') return;
    this.monitor();
    this.sim.after(NODE_MONITOR_PERIOD_MS, this.name, 'monitor', null, true);
  }

  /** `monitorNodeHealth` for every node. */
  monitor(): void {
    const now = this.sim.now();
    const grace = this.sim.config.nodeMonitorGracePeriodSeconds * 1000;
    for (const node of this.sim.store.list('Node')) {
      const name = node.metadata.name;
      if (!this.registered[name]) {
        this.registered[name] = true;
        events(this.sim).record(
          node,
          'Normal',
          'RegisteredNode',
          `Node ${name} event: Registered Node ${name} in Controller`,
          SOURCE,
        );
      }
      const lease = this.sim.store.get('Lease', 'kube-node-lease', name)?.spec?.renewTime as
        string | undefined;
      const hb = readyCondition(node)?.lastHeartbeatTime;
      const h = (this.health[name] ??= { probeTs: now, lease, heartbeat: hb });
      if (h.lease !== lease || h.heartbeat !== hb)
        Object.assign(h, { probeTs: now, lease, heartbeat: hb });
      const ready = readyCondition(node);
      if (now - h.probeTs > grace && ready?.status !== 'Unknown') this.markUnknown(node);
      this.reconcileTaints(this.sim.store.get('Node', undefined, name)!);
    }
    for (const n of Object.keys(this.health))
      if (!this.sim.store.get('Node', undefined, n)) delete this.health[n];
  }

  private markUnknown(node: KObject): void {
    const ts = rfc3339(this.sim.now());
    const name = node.metadata.name;
    const wasReady = readyCondition(node)?.status === 'True';
    this.sim.store.mutate(
      'Node',
      undefined,
      name,
      (n) => {
        for (const c of n.status.conditions ?? []) {
          Object.assign(c, {
            status: 'Unknown',
            reason: 'NodeStatusUnknown',
            message: UNKNOWN_MESSAGE,
            lastTransitionTime: ts,
          });
        }
      },
      { subresource: 'status' },
    );
    if (wasReady)
      events(this.sim).record(
        node,
        'Normal',
        'NodeNotReady',
        `Node ${name} status is now: NodeNotReady`,
        SOURCE,
      );
    this.markPodsNotReady(name);
  }

  /** `MarkPodsNotReady` (k/k:pkg/controller/util/node/controller_utils.go). */
  private markPodsNotReady(nodeName: string): void {
    const ts = rfc3339(this.sim.now());
    for (const pod of this.sim.store.list('Pod', { fieldSelector: `spec.nodeName=${nodeName}` })) {
      const ready = pod.status?.conditions?.find((c: { type: string }) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      this.sim.store.mutate(
        'Pod',
        pod.metadata.namespace,
        pod.metadata.name,
        (p) => {
          const c = p.status.conditions.find((x: { type: string }) => x.type === 'Ready');
          c.status = 'False';
          c.lastTransitionTime = ts;
        },
        { subresource: 'status' },
      );
      events(this.sim).record(pod, 'Warning', 'NodeNotReady', 'Node is not ready', SOURCE);
    }
  }

  /** `doNoScheduleTaintingPass` and `doNoExecuteTaintingPass`. */
  private reconcileTaints(node: KObject): void {
    const status = readyCondition(node)?.status;
    const wanted =
      status === 'Unknown' ? TAINT_UNREACHABLE : status === 'False' ? TAINT_NOT_READY : undefined;
    const taints = (node.spec?.taints ?? []) as Taint[];
    const ours = (t: Taint) => t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY;
    const keep = taints.filter((t) => !ours(t) || t.key === wanted);
    const add: Taint[] = [];
    if (wanted) {
      for (const effect of ['NoSchedule', 'NoExecute'] as const) {
        if (!keep.some((t) => t.key === wanted && t.effect === effect)) {
          add.push({
            key: wanted,
            effect,
            ...(effect === 'NoExecute' ? { timeAdded: rfc3339(this.sim.now()) } : {}),
          });
        }
      }
    }
    if (add.length === 0 && keep.length === taints.length) return;
    this.sim.store.mutate('Node', undefined, node.metadata.name, (n) => {
      const next = [...keep, ...add];
      if (next.length) n.spec.taints = next;
      else delete n.spec.taints;
    });
  }

  snapshot(): Json {
    return { health: this.health, registered: this.registered } as unknown as Json;
  }

  restore(s: Json): void {
    const o = s as unknown as {
      health: Record<string, NodeHealth>;
      registered: Record<string, true>;
    };
    this.health = o.health ?? {};
    this.registered = o.registered ?? {};
  }
}
