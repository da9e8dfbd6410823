/**
 * Steady traffic generators (`kubeplay traffic start|stop`): background timers sending N requests
 * per second to a Service, recorded in the request log like curl's. The set of generators is an
 * Extension (in snapshots); the ticks are timers of the `traffic-generator` component.
 */
import type { Json } from '../clock';
import type { Component, Extension, Simulation } from '../sim';
import type { KObject } from '../api/types';
import { getCondition } from '../api/podutil';
import { clientFor, sendRequest, OUTSIDE, DEBUG_CLIENT } from './network';
import { nodeInternalIp } from './service-table';

export interface TrafficOptions {
  namespace?: string;
  /** requests per second */
  rate?: number;
  /** `outside` or a pod name */
  from?: string;
}

/** Requests per second when `--rate` is not given. */
export const DEFAULT_TRAFFIC_RATE = 5;
/** Upper bound per generator, to keep the simulation responsive (each request is an event). */
export const MAX_TRAFFIC_RATE = 200;
export const TRAFFIC_COMPONENT = 'traffic-generator';

export interface TrafficGenerator {
  id: number;
  namespace: string;
  service: string;
  rate: number;
  /** `outside`, `debug` (in-cluster default) or a pod name. */
  from: string;
  startedAt: number;
}

interface TrafficState {
  nextId: number;
  generators: Record<string, TrafficGenerator>;
}

class TrafficExtension implements Extension {
  static readonly NAME = 'traffic';
  readonly name = TrafficExtension.NAME;
  state: TrafficState = { nextId: 1, generators: {} };
  snapshot(): Json {
    return this.state as unknown as Json;
  }
  restore(s: Json): void {
    this.state = s as unknown as TrafficState;
  }
}

function ext(sim: Simulation): TrafficExtension {
  let e = sim.extension<TrafficExtension>(TrafficExtension.NAME);
  if (!e) {
    e = new TrafficExtension();
    sim.registerExtension(e);
  }
  if (!sim.component(TRAFFIC_COMPONENT)) sim.register(new TrafficTicker(sim));
  return e;
}

/** Whole milliseconds between requests (the clock stays integral). */
const tickMs = (rate: number) => Math.max(1, Math.round(1000 / rate));

const key = (ns: string, svc: string) => `${ns}/${svc}`;

function exposedOutside(svc: KObject): boolean {
  return (
    svc.spec?.type === 'NodePort' ||
    svc.spec?.type === 'LoadBalancer' ||
    (svc.spec?.externalIPs ?? []).length > 0
  );
}

function fromText(from: string): string {
  return from === OUTSIDE
    ? 'from outside'
    : from === DEBUG_CLIENT
      ? 'from inside the cluster'
      : `from pod/${from}`;
}

/** Where an outside client sends: the LoadBalancer IP, an externalIP, or the NodePort of the first Ready node. */
function outsideTarget(sim: Simulation, svc: KObject): { host: string; port: number } | undefined {
  const sp = svc.spec?.ports?.[0];
  if (!sp) return undefined;
  const lb = svc.status?.loadBalancer?.ingress?.[0]?.ip;
  if (svc.spec?.type === 'LoadBalancer' && lb) return { host: lb, port: sp.port };
  const ext = svc.spec?.externalIPs?.[0];
  if (ext) return { host: ext, port: sp.port };
  if (!sp.nodePort) return undefined;
  const nodes = sim.store.list('Node');
  const node = nodes.find((n) => getCondition(n, 'Ready')?.status === 'True') ?? nodes[0];
  const ip = node && nodeInternalIp(node);
  return ip ? { host: ip, port: sp.nodePort } : undefined;
}

export function startTraffic(
  sim: Simulation,
  service: string,
  opts: TrafficOptions = {},
): { ok: boolean; message: string } {
  const namespace = opts.namespace ?? 'default';
  const svc = sim.store.get('Service', namespace, service);
  if (!svc)
    return { ok: false, message: `Error from server (NotFound): services "${service}" not found` };
  const rate = opts.rate ?? DEFAULT_TRAFFIC_RATE;
  if (!(rate > 0) || rate > MAX_TRAFFIC_RATE)
    return {
      ok: false,
      message: `error: --rate must be between 1 and ${MAX_TRAFFIC_RATE} requests/s`,
    };
  const from = opts.from ?? (exposedOutside(svc) ? OUTSIDE : DEBUG_CLIENT);
  if (from === OUTSIDE && !exposedOutside(svc)) {
    return {
      ok: false,
      message: `error: service/${service} is not reachable from outside the cluster (type ${svc.spec?.type ?? 'ClusterIP'}); expose it as NodePort or LoadBalancer, or use --from POD`,
    };
  }
  if (from !== OUTSIDE && from !== DEBUG_CLIENT) {
    const c = clientFor(sim, from, namespace);
    if (!c.ok) return { ok: false, message: c.message };
  }
  const e = ext(sim);
  const g: TrafficGenerator = {
    id: e.state.nextId++,
    namespace,
    service,
    rate,
    from,
    startedAt: sim.now(),
  };
  e.state.generators[key(namespace, service)] = g;
  sim.after(
    tickMs(rate),
    TRAFFIC_COMPONENT,
    'tick',
    { key: key(namespace, service), id: g.id },
    true,
  );
  return {
    ok: true,
    message: `traffic to service/${service} started: ${rate} requests/s ${fromText(from)}`,
  };
}

export function stopTraffic(
  sim: Simulation,
  service: string,
  opts: TrafficOptions = {},
): { ok: boolean; message: string } {
  const namespace = opts.namespace ?? 'default';
  const e = ext(sim);
  if (!e.state.generators[key(namespace, service)])
    return { ok: false, message: `error: no traffic to service/${service} is running` };
  delete e.state.generators[key(namespace, service)];
  return { ok: true, message: `traffic to service/${service} stopped` };
}

/** Running generators, sorted by namespace/service (for the UI). */
export function trafficGenerators(sim: Simulation): TrafficGenerator[] {
  const gens = sim.extension<TrafficExtension>(TrafficExtension.NAME)?.state.generators ?? {};
  return Object.keys(gens)
    .sort()
    .map((k) => gens[k]);
}

/** Sends one generator's request. */
function fire(sim: Simulation, g: TrafficGenerator): void {
  const svc = sim.store.get('Service', g.namespace, g.service);
  if (!svc) return;
  if (g.from === OUTSIDE) {
    const t = outsideTarget(sim, svc);
    const c = clientFor(sim, OUTSIDE, g.namespace);
    if (!t || !c.ok) return;
    sendRequest(sim, c.client, { host: t.host, port: t.port, path: '/', source: 'traffic' });
    return;
  }
  const c = clientFor(sim, g.from, g.namespace);
  const port = svc.spec?.ports?.[0]?.port ?? 80;
  if (c.ok) sendRequest(sim, c.client, { host: g.service, port, path: '/', source: 'traffic' });
}

class TrafficTicker implements Component {
  readonly name = TRAFFIC_COMPONENT;
  constructor(private sim: Simulation) {}

  onTimer(action: string, payload: Json): void {
    if (action !== 'tick') return;
    const { key: k, id } = payload as { key: string; id: number };
    const g = ext(this.sim).state.generators[k];
    // A stopped or restarted generator leaves its old timer behind: ignore it.
    if (!g || g.id !== id) return;
    fire(this.sim, g);
    this.sim.after(tickMs(g.rate), TRAFFIC_COMPONENT, 'tick', { key: k, id }, true);
  }
}

/** Installs the traffic state and its timer component (network factories). */
export function trafficComponents(sim: Simulation): Component[] {
  sim.registerExtension(new TrafficExtension());
  return [new TrafficTicker(sim)];
}
