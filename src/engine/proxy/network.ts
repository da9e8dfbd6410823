/**
 * One HTTP request through the simulated network, from a client (outside the cluster, a pod, or
 * the playground's debug pod) to an address: DNS, kube-proxy's service rules, the Ingress
 * controller on node ports 80/443, then the container (kubelet/http.ts podHttp). Every request is
 * recorded in the request log. curl and the traffic generators are thin layers over `sendRequest`.
 */
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import { getCondition } from '../api/podutil';
import { podHttp } from '../kubelet/http';
import { clusterDnsAvailable, isIPv4, resolveClusterName } from './dns';
import { resolveServiceTarget, type ClientRef } from './kube-proxy';
import type { Client } from './client';

export {
  clientFor,
  OUTSIDE,
  DEBUG_CLIENT,
  OUTSIDE_CLIENT_IP,
  DEBUG_CLIENT_IP,
  type Client,
} from './client';
import { ingressHosts, routeIngress, servedIngresses, DEFAULT_BACKEND_BODY } from './ingress';
import { requestLog, type RequestRecord } from './request-log';
import { nodeInternalIp } from './service-table';
import { nginxErrorPage } from './http-text';

/**
 * Linux gives up a TCP connect after tcp_syn_retries=6 retransmissions: 1+2+4+8+16+32+64 s.
 * curl's own connect timeout (300 s) is longer, so the kernel's wins.
 */
export const OS_CONNECT_TIMEOUT_MS = 127_000;
/** Without -m, a server that accepts and never answers is given up on after this (simulation bound). */
export const NO_ANSWER_LIMIT_MS = 300_000;
/** Ports the ingress controller listens on with hostPort on the nodes. */
export const INGRESS_PORTS = [80, 443];

export interface HttpRequest {
  /** Host name or IP from the URL. */
  host: string;
  port: number;
  path: string;
  /** Host header override (`-H 'Host: foo'`). */
  hostHeader?: string;
  /** `-m`: give up after this many ms. */
  maxTimeMs?: number;
  source: string;
}

/** Where a request ended up (for the log and curl -v). */
export interface Hop {
  service?: string;
  namespace?: string;
  podName?: string;
  podIp?: string;
  podUid?: string;
  node?: string;
}

export type Outcome =
  | {
      kind: 'response';
      ip: string;
      status: number;
      body: string;
      headers: [string, string][];
      latencyMs: number;
      hop: Hop;
    }
  | { kind: 'refused'; ip: string; latencyMs: number; hop: Hop }
  /** `connect`: nothing answered the SYN; `response`: connected, no answer. */
  | { kind: 'timeout'; ip: string; latencyMs: number; hop: Hop; phase: 'connect' | 'response' }
  | { kind: 'empty'; ip: string; latencyMs: number; hop: Hop }
  | { kind: 'unresolved'; host: string };

type Delivery = Exclude<Outcome, { kind: 'unresolved' }>;

function latency(sim: Simulation): number {
  return 1 + sim.rng('network/latency').int(3);
}

function nodeUp(sim: Simulation, nodeName: string | undefined): boolean {
  if (!nodeName) return false;
  const node = sim.store.get('Node', undefined, nodeName);
  return !!node && getCondition(node, 'Ready')?.status === 'True';
}

function podByIp(sim: Simulation, ip: string): KObject | undefined {
  const pods = sim.store.list('Pod').filter((p) => p.status?.podIP === ip && !p.spec?.hostNetwork);
  return pods.find((p) => p.status?.phase === 'Running') ?? pods[0];
}

function serverHeader(pod: KObject, container: string): string | undefined {
  const c = ((pod.spec?.containers ?? []) as KObject[]).find((x) => x.name === container);
  const m = /^(?:docker\.io\/)?(?:library\/)?nginx:(\d+\.\d+\.\d+)/.exec(c?.image ?? '');
  return m ? `nginx/${m[1]}` : undefined;
}

/** Connects to a pod's port and asks the container (podHttp). */
function reachPod(
  sim: Simulation,
  pod: KObject,
  ip: string,
  port: number,
  path: string,
  req: HttpRequest,
  hop: Hop,
): Delivery {
  const full: Hop = {
    ...hop,
    podName: pod.metadata.name,
    podIp: pod.status?.podIP,
    podUid: pod.metadata.uid,
    node: pod.spec?.nodeName,
  };
  if (!nodeUp(sim, pod.spec?.nodeName)) return timeout(req, ip, full);
  const r = podHttp(sim, pod, port, path);
  if (r.kind === 'refused') return { kind: 'refused', ip, latencyMs: 0, hop: full };
  if (r.kind === 'timeout') return timeout(req, ip, full, 'response');
  if (r.status === 0) return { kind: 'empty', ip, latencyMs: latency(sim), hop: full };
  const given = (r as { headers?: Record<string, string> }).headers;
  const headers: [string, string][] = given ? Object.entries(given) : [];
  const server = serverHeader(pod, r.container);
  if (!given && server) headers.push(['Server', server]);
  return {
    kind: 'response',
    ip,
    status: r.status,
    body: r.body,
    headers,
    latencyMs: latency(sim),
    hop: full,
  };
}

function timeout(
  req: HttpRequest,
  ip: string,
  hop: Hop,
  phase: 'connect' | 'response' = 'connect',
): Delivery {
  return {
    kind: 'timeout',
    ip,
    latencyMs: req.maxTimeMs ?? (phase === 'connect' ? OS_CONNECT_TIMEOUT_MS : NO_ANSWER_LIMIT_MS),
    hop,
    phase,
  };
}

function page(
  sim: Simulation,
  ip: string,
  status: number,
  hop: Hop,
  body = nginxErrorPage(status),
): Delivery {
  return {
    kind: 'response',
    ip,
    status,
    body,
    headers: [['Server', 'nginx']],
    latencyMs: latency(sim),
    hop,
  };
}

/** The ingress controller on a node's port 80/443: route, then proxy to the Service's ClusterIP. */
function viaIngress(sim: Simulation, ip: string, req: HttpRequest): Delivery {
  const ingresses = servedIngresses(sim);
  if (ingresses.length === 0) return { kind: 'refused', ip, latencyMs: 0, hop: {} };
  const route = routeIngress(ingresses, req.hostHeader ?? req.host, req.path);
  if (route.kind === 'default') return page(sim, ip, 404, {}, `${DEFAULT_BACKEND_BODY}\n`);
  const b = route.backend;
  const hop: Hop = { service: b.service, namespace: b.namespace };
  const svc = sim.store.get('Service', b.namespace, b.service);
  const sp = ((svc?.spec?.ports ?? []) as { name?: string; port: number }[]).find(
    (p) => p.port === b.port || p.name === b.port,
  );
  const vip = svc?.spec?.clusterIP;
  if (!svc || !sp || !vip || vip === 'None') return page(sim, ip, 503, hop);
  const controller: ClientRef = { ip };
  const t = resolveServiceTarget(sim, { ip: vip, port: sp.port }, controller);
  if (t.kind !== 'endpoint') return page(sim, ip, 503, hop);
  const pod =
    sim.store.get('Pod', t.svcPort.namespace, t.endpoint.podName ?? '') ??
    podByIp(sim, t.endpoint.ip);
  if (!pod) return page(sim, ip, 502, hop);
  const d = reachPod(sim, pod, ip, t.endpoint.port, req.path, req, hop);
  if (d.kind === 'refused' || d.kind === 'empty') return page(sim, ip, 502, d.hop);
  if (d.kind === 'timeout') return page(sim, ip, 504, d.hop);
  return d;
}

/** Routes a connection to `ip:port` from `client`. */
export function deliver(sim: Simulation, client: Client, ip: string, req: HttpRequest): Delivery {
  const port = req.port;
  const pod = podByIp(sim, ip);
  if (pod)
    return client.outside ? timeout(req, ip, {}) : reachPod(sim, pod, ip, port, req.path, req, {});
  const t = resolveServiceTarget(sim, { ip, port }, client);
  if (t.kind !== 'none') {
    const hop: Hop = { service: t.svcPort.service, namespace: t.svcPort.namespace };
    if (client.outside && t.via === 'clusterIP') return timeout(req, ip, {});
    if (t.via === 'nodePort') {
      if (!nodeUp(sim, serviceNodeIps(sim)[ip])) return timeout(req, ip, hop);
    }
    if (t.kind === 'reject') return { kind: 'refused', ip, latencyMs: 0, hop };
    if (t.kind === 'drop') return timeout(req, ip, hop);
    const target =
      sim.store.get('Pod', t.svcPort.namespace, t.endpoint.podName ?? '') ??
      podByIp(sim, t.endpoint.ip);
    if (!target) return timeout(req, ip, hop);
    return reachPod(sim, target, ip, t.endpoint.port, req.path, req, hop);
  }
  const nodeName = serviceNodeIps(sim)[ip];
  if (nodeName) {
    if (!nodeUp(sim, nodeName)) return timeout(req, ip, {});
    if (INGRESS_PORTS.includes(port)) return viaIngress(sim, ip, req);
    return { kind: 'refused', ip, latencyMs: 0, hop: {} };
  }
  return timeout(req, ip, {});
}

function serviceNodeIps(sim: Simulation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of sim.store.list('Node')) {
    const a = nodeInternalIp(n);
    if (a) out[a] = n.metadata.name;
  }
  return out;
}

/** Name → IP as the client's resolver sees it: /etc/hosts (Ingress hosts), then cluster DNS. */
export function resolveHost(sim: Simulation, client: Client, host: string): string | undefined {
  if (isIPv4(host)) return host;
  const h = host.toLowerCase();
  if (h === 'localhost') return '127.0.0.1';
  const hosts = ingressHosts(sim);
  if (hosts[h]) return hosts[h];
  if (client.outside || !clusterDnsAvailable(sim)) return undefined;
  return resolveClusterName(sim.store, h, client.namespace)?.ips[0];
}

/** Sends one request and records it. */
export function sendRequest(sim: Simulation, client: Client, req: HttpRequest): Outcome {
  const ip = resolveHost(sim, client, req.host);
  let out: Outcome;
  if (ip === undefined) out = { kind: 'unresolved', host: req.host };
  else if (ip === '127.0.0.1') out = { kind: 'refused', ip, latencyMs: 0, hop: {} };
  else out = deliver(sim, client, ip, req);
  record(sim, client, req, out);
  return out;
}

function record(sim: Simulation, client: Client, req: HttpRequest, out: Outcome): RequestRecord {
  const hop = out.kind === 'unresolved' ? {} : out.hop;
  const result =
    out.kind === 'response'
      ? 'ok'
      : out.kind === 'refused'
        ? 'refused'
        : out.kind === 'timeout'
          ? 'timeout'
          : 'error';
  return requestLog(sim).add({
    t: sim.now(),
    client: client.name,
    ...(hop.service ? { service: hop.service, namespace: hop.namespace } : {}),
    port: req.port,
    ...(hop.podName
      ? { podName: hop.podName, podIp: hop.podIp, podUid: hop.podUid, node: hop.node }
      : {}),
    result,
    ...(out.kind === 'response' ? { status: out.status } : {}),
    latencyMs: out.kind === 'unresolved' ? 0 : out.latencyMs,
    source: req.source,
  });
}
