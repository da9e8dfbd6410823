/**
 * kube-proxy: programs the service table a short while after Services, EndpointSlices or Nodes
 * change (PROXY_SYNC_DELAY_MS), then answers "where does a packet to IP:port go?" for curl,
 * traffic generators and the Ingress controller. Backends are chosen as the configured proxier
 * would: IPVS `rr` (round robin per service port) or iptables/nftables (uniform random).
 * Mirrors k/k:pkg/proxy/topology.go CategorizeEndpoints (ready endpoints, else serving+terminating;
 * traffic policies Local) and the proxiers' REJECT (no endpoints) / DROP (no local endpoints).
 */
import type { Json } from '../clock';
import type { Component, Simulation } from '../sim';
import type { WatchEvent } from '../api/store';
import { jsonEqual } from '../api/types';
import { PROXY_SYNC_DELAY_MS } from '../timing';
import {
  buildServiceTable,
  type ProxyEndpoint,
  type ProxyServicePort,
  type ServiceTable,
} from './service-table';

export const KUBE_PROXY = 'kube-proxy';

export interface ClientRef {
  ip: string;
  /** Node the client runs on (pods); undefined outside the cluster. */
  nodeName?: string;
}

export interface Destination {
  ip: string;
  port: number;
  protocol?: string;
}

/** How the packet reached the service: its ClusterIP, a NodePort, or an external address. */
export type ServiceVia = 'clusterIP' | 'nodePort' | 'external';

export type ServiceTarget =
  | { kind: 'none' }
  /** No usable endpoint: the proxier answers with an ICMP reject (connection refused). */
  | { kind: 'reject'; svcPort: ProxyServicePort; via: ServiceVia }
  /** Traffic policy Local without a local endpoint: packets are dropped (the client times out). */
  | { kind: 'drop'; svcPort: ProxyServicePort; via: ServiceVia }
  | { kind: 'endpoint'; svcPort: ProxyServicePort; via: ServiceVia; endpoint: ProxyEndpoint };

interface ProxyState {
  table: ServiceTable;
  /** Round-robin position per service port (IPVS rr). */
  rr: Record<string, number>;
  /** ClientIP affinity: `<service port key>|<client ip>` → endpoint IP and expiry. */
  affinity: Record<string, { ip: string; expires: number }>;
  pending: boolean;
}

/** Ready endpoints, else serving and terminating ones (ProxyTerminatingEndpoints, GA in 1.28). */
export function usableEndpoints(eps: ProxyEndpoint[]): ProxyEndpoint[] {
  const ready = eps.filter((e) => e.ready);
  return ready.length ? ready : eps.filter((e) => e.serving && e.terminating);
}

/** Finds the service port a destination address belongs to. */
export function matchServicePort(
  table: ServiceTable,
  dest: Destination,
): { svcPort: ProxyServicePort; via: ServiceVia; node?: string } | undefined {
  const proto = dest.protocol ?? 'TCP';
  const node = table.nodeIPs[dest.ip];
  for (const sp of table.ports) {
    if (sp.protocol !== proto) continue;
    if (sp.port === dest.port && sp.clusterIPs.includes(dest.ip))
      return { svcPort: sp, via: 'clusterIP' };
    if (node && sp.nodePort === dest.port) return { svcPort: sp, via: 'nodePort', node };
    if (
      sp.port === dest.port &&
      (sp.loadBalancerIPs.includes(dest.ip) || sp.externalIPs.includes(dest.ip))
    )
      return { svcPort: sp, via: 'external' };
  }
  return undefined;
}

export class KubeProxy implements Component {
  readonly name = KUBE_PROXY;
  private state: ProxyState = {
    table: { nodeIPs: {}, ports: [] },
    rr: {},
    affinity: {},
    pending: false,
  };
  private stops: (() => void)[] = [];

  constructor(private sim: Simulation) {
    this.stops.push(sim.store.watch(['Service', 'EndpointSlice'], () => this.requestSync()));
    this.stops.push(
      sim.store.watch(['Node'], (e: WatchEvent) => {
        // Heartbeats do not change the rules; only addresses (and node add/remove) do.
        if (
          e.type !== 'MODIFIED' ||
          !jsonEqual(e.object.status?.addresses, e.old?.status?.addresses)
        )
          this.requestSync();
      }),
    );
  }

  start(): void {
    this.requestSync();
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
  }

  private requestSync(): void {
    if (this.state.pending) return;
    this.state.pending = true;
    this.sim.after(PROXY_SYNC_DELAY_MS, this.name, 'sync');
  }

  onTimer(action: string): void {
    if (action !== 'sync') return;
    this.state.pending = false;
    this.state.table = buildServiceTable(this.sim.store);
  }

  /** The rules as last programmed. */
  get table(): ServiceTable {
    return this.state.table;
  }

  resolve(dest: Destination, client: ClientRef): ServiceTarget {
    const m = matchServicePort(this.state.table, dest);
    if (!m) return { kind: 'none' };
    const { svcPort, via } = m;
    const all = usableEndpoints(svcPort.endpoints);
    if (all.length === 0) return { kind: 'reject', svcPort, via };
    let candidates = all;
    const localNode =
      via === 'nodePort' && svcPort.externalLocal
        ? m.node
        : via === 'clusterIP' && svcPort.internalLocal
          ? client.nodeName
          : undefined;
    if (localNode) {
      candidates = usableEndpoints(svcPort.endpoints.filter((e) => e.nodeName === localNode));
      if (candidates.length === 0) return { kind: 'drop', svcPort, via };
    }
    return { kind: 'endpoint', svcPort, via, endpoint: this.pick(svcPort, candidates, client.ip) };
  }

  private pick(
    svcPort: ProxyServicePort,
    candidates: ProxyEndpoint[],
    clientIp: string,
  ): ProxyEndpoint {
    const now = this.sim.now();
    const akey = `${svcPort.key}|${clientIp}`;
    if (svcPort.affinitySeconds > 0) {
      const a = this.state.affinity[akey];
      const hit = a && a.expires > now ? candidates.find((e) => e.ip === a.ip) : undefined;
      if (hit) {
        a.expires = now + svcPort.affinitySeconds * 1000;
        return hit;
      }
    }
    let chosen: ProxyEndpoint;
    if (this.sim.config.proxyMode === 'random') {
      chosen = candidates[this.sim.rng('kube-proxy/random').int(candidates.length)];
    } else {
      const n = this.state.rr[svcPort.key] ?? 0;
      chosen = candidates[n % candidates.length];
      this.state.rr[svcPort.key] = (n + 1) % candidates.length;
    }
    if (svcPort.affinitySeconds > 0) {
      this.pruneAffinity(now);
      this.state.affinity[akey] = { ip: chosen.ip, expires: now + svcPort.affinitySeconds * 1000 };
    }
    return chosen;
  }

  private pruneAffinity(now: number): void {
    for (const k of Object.keys(this.state.affinity))
      if (this.state.affinity[k].expires <= now) delete this.state.affinity[k];
  }

  snapshot(): Json {
    return this.state as unknown as Json;
  }

  restore(s: Json): void {
    this.state = s as unknown as ProxyState;
  }
}

function proxyOf(sim: Simulation): KubeProxy {
  let p = sim.component<KubeProxy>(KUBE_PROXY);
  if (!p) {
    // A simulation assembled without networking (unit tests): program the rules now.
    p = new KubeProxy(sim);
    sim.register(p);
    p.onTimer('sync');
  }
  return p;
}

/** Where a connection to `dest` goes through the service rules (kube-proxy's NAT). */
export function resolveServiceTarget(
  sim: Simulation,
  dest: Destination,
  client: ClientRef,
): ServiceTarget {
  return proxyOf(sim).resolve(dest, client);
}

/** The programmed rules (for the UI and tests). */
export function serviceTable(sim: Simulation): ServiceTable {
  return proxyOf(sim).table;
}
