/**
 * Pod IPs from the node's podCIDR, as the host-local IPAM plugin hands them out: sequentially
 * after the last reserved address (.1 is the bridge gateway), skipping addresses in use, so a
 * freed IP is not reused at once.
 */
import type { KubeletState } from './state';

/** host-local allocates from .2 up to .254 in a /24. */
const FIRST_HOST = 2;
const LAST_HOST = 254;

export function allocateIp(state: KubeletState, podCidr: string): string | undefined {
  const base = podCidr.split('/')[0].split('.').slice(0, 3).join('.');
  const inUse = new Set(Object.values(state.pods).map((p) => p.ip));
  for (let i = 0; i <= LAST_HOST - FIRST_HOST; i++) {
    const host = ((state.lastIp - FIRST_HOST + 1 + i) % (LAST_HOST - FIRST_HOST + 1)) + FIRST_HOST;
    const ip = `${base}.${host}`;
    if (!inUse.has(ip)) {
      state.lastIp = host;
      return ip;
    }
  }
  return undefined;
}
