/**
 * The NodePort allocator (`k/k:pkg/registry/core/service/portallocator`) over the default
 * `--service-node-port-range`. Like the IP allocator it prefers a random port above a small static
 * band (KEP-3668, `calculateRangeOffset`). State is derived from the Services in the store.
 */
import type { RngStream } from '../../../rng';
import type { ApiStore } from '../../store';
import type { KObject } from '../../types';

/** `--service-node-port-range` default 30000-32767. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
const SIZE = NODE_PORT_MAX - NODE_PORT_MIN + 1;
/** `calculateRangeOffset` for ports: min(max(16, size/32), 128). */
export const NODE_PORT_STATIC_BAND = Math.min(Math.max(16, Math.floor(SIZE / 32)), 128);

/** Node ports (and health-check node ports) held by Services other than `except`. */
export function usedNodePorts(store: ApiStore, except?: KObject): Set<number> {
  const used = new Set<number>();
  for (const s of store.list('Service')) {
    if (
      except &&
      s.metadata.namespace === except.metadata.namespace &&
      s.metadata.name === except.metadata.name
    )
      continue;
    for (const p of s.spec?.ports ?? []) if (p?.nodePort) used.add(p.nodePort);
    if (s.spec?.healthCheckNodePort) used.add(s.spec.healthCheckNodePort);
  }
  return used;
}

export function allocateNextNodePort(used: Set<number>, rng: RngStream): number | undefined {
  const upper = SIZE - NODE_PORT_STATIC_BAND;
  const start = rng.int(upper);
  for (let i = 0; i < upper; i++) {
    const port = NODE_PORT_MIN + NODE_PORT_STATIC_BAND + ((start + i) % upper);
    if (!used.has(port)) return port;
  }
  for (let port = NODE_PORT_MIN; port < NODE_PORT_MIN + NODE_PORT_STATIC_BAND; port++)
    if (!used.has(port)) return port;
  return undefined;
}

/** Why `Allocate(port)` refuses a requested port (portallocator ErrNotInRange / ErrAllocated). */
export function nodePortAllocationError(port: number, used: Set<number>): string | undefined {
  if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) {
    return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
  }
  if (used.has(port)) return 'provided port is already allocated';
  return undefined;
}
