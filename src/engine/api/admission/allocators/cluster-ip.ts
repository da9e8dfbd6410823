/**
 * The Service ClusterIP allocator (`k/k:pkg/registry/core/service/ipallocator`) over kubeadm's
 * default service CIDR. Dynamic allocation picks a random free address from the upper band first
 * and falls back to the lower band, which is kept for static (user-chosen) addresses
 * (KEP-3070, `calculateRangeOffset`). The allocation state is the set of Services in the store.
 */
import type { RngStream } from '../../../rng';
import type { ApiStore } from '../../store';
import type { KObject } from '../../types';

/** kubeadm `--service-cluster-ip-range` default. */
export const SERVICE_CIDR = '10.96.0.0/12';
const [CIDR_BASE, CIDR_BITS] = SERVICE_CIDR.split('/');
/** Usable addresses: the network and broadcast addresses are excluded. */
export const SERVICE_CIDR_SIZE = 2 ** (32 - Number(CIDR_BITS)) - 2;
/** `calculateRangeOffset`: min(max(16, size/16), 256) addresses reserved for static allocation. */
export const STATIC_BAND = Math.min(Math.max(16, Math.floor(SERVICE_CIDR_SIZE / 16)), 256);

export function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^[0-9]{1,3}$/.test(p) || Number(p) > 255))
    return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

const BASE = ipToInt(CIDR_BASE)!;

/** The bitmap offset of an address (0 is the first usable one), or undefined outside the range. */
export function offsetOf(ip: string): number | undefined {
  const n = ipToInt(ip);
  if (n === undefined) return undefined;
  const off = n - BASE - 1;
  return off >= 0 && off < SERVICE_CIDR_SIZE ? off : undefined;
}

/** Every cluster IP held by a Service other than `except` (namespace/name). */
export function usedClusterIPs(store: ApiStore, except?: KObject): Set<string> {
  const used = new Set<string>();
  for (const s of store.list('Service')) {
    if (
      except &&
      s.metadata.namespace === except.metadata.namespace &&
      s.metadata.name === except.metadata.name
    )
      continue;
    for (const ip of s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : []))
      if (ip && ip !== 'None') used.add(ip);
  }
  return used;
}

/** `AllocateNext`: a random start in the upper band, scanning forward, then the lower band. */
export function allocateNextClusterIP(used: Set<string>, rng: RngStream): string | undefined {
  const upper = SERVICE_CIDR_SIZE - STATIC_BAND;
  const start = rng.int(upper);
  for (let i = 0; i < upper; i++) {
    const ip = intToIp(BASE + 1 + STATIC_BAND + ((start + i) % upper));
    if (!used.has(ip)) return ip;
  }
  for (let off = 0; off < STATIC_BAND; off++) {
    const ip = intToIp(BASE + 1 + off);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

/** Why `Allocate(ip)` refuses a requested address, or undefined when it is free. */
export function clusterIPAllocationError(ip: string, used: Set<string>): string | undefined {
  if (offsetOf(ip) === undefined)
    return `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
  if (used.has(ip)) return 'provided IP is already allocated';
  return undefined;
}
