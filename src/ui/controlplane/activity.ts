/**
 * Which box of the control-plane view a simulation component belongs to. Component names follow
 * the engine (`default-scheduler`, `replicaset-controller`, `kubelet/node-1`, `kube-proxy`).
 */
export type Box =
  | 'apiserver'
  | 'etcd'
  | 'scheduler'
  | 'controllers'
  | `kubelet:${string}`
  | `proxy:${string}`
  | 'other';

/** kube-proxy runs as one component for all nodes in the engine; `*` lights every node's box. */
export const ALL_NODES = '*';

export function boxOf(component: string): Box {
  if (
    component === 'default-scheduler' ||
    component === 'kube-scheduler' ||
    component.startsWith('scheduler')
  )
    return 'scheduler';
  const kubelet = /^kubelet\/(.+)$/.exec(component);
  if (kubelet) return `kubelet:${kubelet[1]}`;
  const proxy = /^kube-proxy(?:\/(.+))?$/.exec(component);
  if (proxy) return `proxy:${proxy[1] ?? ALL_NODES}`;
  if (component.startsWith('ingress')) return 'other';
  if (
    component.endsWith('-controller') ||
    component.startsWith('garbage-collector') ||
    component.includes('controller')
  )
    return 'controllers';
  return 'other';
}

/** The boxes lit by one batch of activity (API writes light the apiserver and etcd). */
export function activeBoxes(
  components: Record<string, number>,
  writes: Record<string, number>,
  nodes: string[],
): Set<string> {
  const out = new Set<string>();
  for (const c of Object.keys(components)) {
    const b = boxOf(c);
    if (b === `proxy:${ALL_NODES}`) for (const n of nodes) out.add(`proxy:${n}`);
    else if (b !== 'other') out.add(b);
  }
  if (Object.keys(writes).length > 0) {
    out.add('apiserver');
    out.add('etcd');
  }
  return out;
}
