/**
 * The rules kube-proxy programs, as data: for every Service port, the virtual addresses it answers
 * on (ClusterIP, NodePort on every node IP, LoadBalancer ingress IPs, externalIPs) and its
 * endpoints from the EndpointSlices. Mirrors k/k:pkg/proxy/servicechangetracker.go and
 * endpointschangetracker.go (every slice labelled with the service name counts, whoever manages it).
 */
import type { ApiStore } from '../api/store';
import type { KObject } from '../api/types';
import { SERVICE_NAME_LABEL, type ServicePort } from './endpoints-util';

/** `DefaultClientIPServiceAffinitySeconds` (kubernetes/api:core/v1/types.go): 3 hours. */
export const DEFAULT_AFFINITY_TIMEOUT_SECONDS = 10800;

export interface ProxyEndpoint {
  ip: string;
  port: number;
  podName?: string;
  podUid?: string;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface ProxyServicePort {
  /** `<namespace>/<service>:<port name>` as kube-proxy names a ServicePortName. */
  key: string;
  namespace: string;
  service: string;
  portName: string;
  protocol: string;
  port: number;
  nodePort?: number;
  clusterIPs: string[];
  externalIPs: string[];
  loadBalancerIPs: string[];
  externalLocal: boolean;
  internalLocal: boolean;
  /** ClientIP affinity timeout in seconds, 0 without affinity. */
  affinitySeconds: number;
  endpoints: ProxyEndpoint[];
}

export interface ServiceTable {
  /** Node InternalIP → node name (NodePorts answer on every node IP). */
  nodeIPs: Record<string, string>;
  ports: ProxyServicePort[];
}

export function nodeInternalIp(node: KObject): string | undefined {
  return (node.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')
    ?.address;
}

function endpointsFor(store: ApiStore, svc: KObject, sp: ServicePort): ProxyEndpoint[] {
  const slices = store.list('EndpointSlice', {
    namespace: svc.metadata.namespace,
    labelSelector: [{ key: SERVICE_NAME_LABEL, op: '=', values: [svc.metadata.name] }],
  });
  const seen = new Set<string>();
  const out: ProxyEndpoint[] = [];
  for (const s of slices) {
    if (s.addressType && s.addressType !== 'IPv4') continue;
    const p = ((s.ports ?? []) as { name?: string; port?: number; protocol?: string }[]).find(
      (x) => (x.name ?? '') === (sp.name ?? '') && (x.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'),
    );
    if (!p || p.port === undefined) continue;
    for (const e of (s.endpoints ?? []) as KObject[]) {
      const ip = e.addresses?.[0];
      if (!ip || seen.has(ip)) continue;
      seen.add(ip);
      // Unset conditions: ready defaults to true, serving to ready, terminating to false.
      const ready = e.conditions?.ready ?? true;
      out.push({
        ip,
        port: p.port,
        ...(e.targetRef?.kind === 'Pod'
          ? { podName: e.targetRef.name, podUid: e.targetRef.uid }
          : {}),
        ...(e.nodeName ? { nodeName: e.nodeName } : {}),
        ready,
        serving: e.conditions?.serving ?? ready,
        terminating: e.conditions?.terminating ?? false,
      });
    }
  }
  return out;
}

export function buildServiceTable(store: ApiStore): ServiceTable {
  const nodeIPs: Record<string, string> = {};
  for (const n of store.list('Node')) {
    const ip = nodeInternalIp(n);
    if (ip) nodeIPs[ip] = n.metadata.name;
  }
  const ports: ProxyServicePort[] = [];
  for (const svc of store.list('Service')) {
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName') continue;
    const clusterIPs = (
      (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) as string[]
    ).filter((ip) => ip && ip !== 'None');
    const lbIPs = ((svc.status?.loadBalancer?.ingress ?? []) as { ip?: string }[])
      .map((i) => i.ip)
      .filter((ip): ip is string => !!ip);
    const affinitySeconds =
      spec.sessionAffinity === 'ClientIP'
        ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT_SECONDS)
        : 0;
    // Headless services have no virtual IP: nothing to program.
    if (clusterIPs.length === 0) continue;
    for (const sp of (spec.ports ?? []) as ServicePort[]) {
      ports.push({
        key: `${svc.metadata.namespace}/${svc.metadata.name}:${sp.name ?? ''}`,
        namespace: svc.metadata.namespace!,
        service: svc.metadata.name,
        portName: sp.name ?? '',
        protocol: sp.protocol ?? 'TCP',
        port: sp.port,
        ...(sp.nodePort ? { nodePort: sp.nodePort } : {}),
        clusterIPs,
        externalIPs: [...((spec.externalIPs ?? []) as string[])],
        loadBalancerIPs: spec.type === 'LoadBalancer' ? lbIPs : [],
        externalLocal: spec.externalTrafficPolicy === 'Local',
        internalLocal: spec.internalTrafficPolicy === 'Local',
        affinitySeconds,
        endpoints: endpointsFor(store, svc, sp),
      });
    }
  }
  return { nodeIPs, ports };
}
