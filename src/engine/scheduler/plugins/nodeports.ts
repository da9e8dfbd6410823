/**
 * NodePorts (`k/k:pkg/scheduler/framework/plugins/nodeports/node_ports.go`): a hostPort may be used
 * once per node, protocol and host IP; 0.0.0.0 conflicts with every IP.
 */
import type { KObject } from '../../api/types';
import { unschedulable, type FilterPlugin } from '../framework';

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

const ANY_IP = '0.0.0.0';

export function hostPorts(p: KObject): HostPort[] {
  const out: HostPort[] = [];
  for (const c of [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])]) {
    for (const port of (c.ports ?? []) as {
      hostPort?: number;
      hostIP?: string;
      protocol?: string;
    }[]) {
      if (!port.hostPort) continue;
      out.push({
        ip: port.hostIP || ANY_IP,
        protocol: port.protocol || 'TCP',
        port: port.hostPort,
      });
    }
  }
  return out;
}

function conflicts(a: HostPort, b: HostPort): boolean {
  return (
    a.port === b.port &&
    a.protocol === b.protocol &&
    (a.ip === b.ip || a.ip === ANY_IP || b.ip === ANY_IP)
  );
}

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  preFilter(ctx) {
    const want = hostPorts(ctx.pod);
    if (want.length === 0) return 'skip';
    ctx.state.set('PreFilterNodePorts', want);
  },
  filter(ctx, node) {
    const want = ctx.state.get('PreFilterNodePorts') as HostPort[];
    const used = node.pods.flatMap(hostPorts);
    return want.some((w) => used.some((u) => conflicts(w, u)))
      ? unschedulable(this.name, ERR_REASON_PORTS)
      : null;
  },
};
