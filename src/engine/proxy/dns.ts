/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/,
 * github.com/coredns/coredns plugin/kubernetes): Service A records, headless services answering
 * with their ready endpoints, `<hostname>.<subdomain>` records, ExternalName CNAMEs, and
 * `pods insecure` pod records. Answers only while a CoreDNS pod is Ready.
 */
import type { Simulation } from '../sim';
import type { ApiStore } from '../api/store';
import type { KObject } from '../api/types';
import { isPodReady } from '../api/podutil';
import { SERVICE_NAME_LABEL } from './endpoints-util';

/** kubelet `--cluster-domain` as kubeadm configures it. */
export const CLUSTER_DOMAIN = 'cluster.local';
/** `options ndots:5` in a pod's /etc/resolv.conf (ClusterFirst dnsPolicy). */
export const NDOTS = 5;
/** CNAME chains CoreDNS follows before giving up. */
const MAX_CNAME_DEPTH = 8;

/** `name`: the fully qualified name that answered (set by resolveClusterName). */
export type DnsAnswer = { ips: string[]; cname?: string; name?: string } | undefined;

/** A CoreDNS pod (k8s-app=kube-dns in kube-system) is Ready. */
export function clusterDnsAvailable(sim: Simulation): boolean {
  return sim.store
    .list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' })
    .some((p) => isPodReady(p) && !p.metadata.deletionTimestamp);
}

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** `/etc/resolv.conf` search path of a pod in `namespace`. */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

function headlessEndpoints(store: ApiStore, svc: KObject): { ip: string; hostname?: string }[] {
  const out: { ip: string; hostname?: string }[] = [];
  const slices = store.list('EndpointSlice', {
    namespace: svc.metadata.namespace,
    labelSelector: [{ key: SERVICE_NAME_LABEL, op: '=', values: [svc.metadata.name] }],
  });
  for (const s of slices) {
    for (const e of (s.endpoints ?? []) as KObject[]) {
      // CoreDNS publishes ready endpoints only (publishNotReadyAddresses already marks all ready).
      if (e.conditions?.ready === false) continue;
      for (const ip of e.addresses ?? [])
        if (!out.some((o) => o.ip === ip)) out.push({ ip, hostname: e.hostname });
    }
  }
  return out;
}

/** Answers one fully qualified name (no search path). */
export function lookupFqdn(store: ApiStore, fqdn: string, depth = 0): DnsAnswer {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const svcSuffix = `.svc.${CLUSTER_DOMAIN}`;
  const podSuffix = `.pod.${CLUSTER_DOMAIN}`;
  if (name.endsWith(podSuffix)) {
    const parts = name.slice(0, -podSuffix.length).split('.');
    if (parts.length !== 2 || !store.get('Namespace', undefined, parts[1])) return undefined;
    const ip = parts[0].replace(/-/g, '.');
    return isIPv4(ip) ? { ips: [ip] } : undefined;
  }
  if (!name.endsWith(svcSuffix)) return undefined;
  const parts = name.slice(0, -svcSuffix.length).split('.');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [ns, svcName] = [parts[parts.length - 1], parts[parts.length - 2]];
  const svc = store.get('Service', ns, svcName);
  if (!svc) return undefined;
  if (parts.length === 3) {
    if (svc.spec?.clusterIP !== 'None') return undefined;
    const host = parts[0];
    const hit = headlessEndpoints(store, svc).filter(
      (e) => e.hostname === host || e.ip.replace(/\./g, '-') === host,
    );
    return hit.length ? { ips: hit.map((e) => e.ip) } : undefined;
  }
  if (svc.spec?.type === 'ExternalName') {
    const target = String(svc.spec.externalName ?? '').replace(/\.$/, '');
    const next = depth < MAX_CNAME_DEPTH ? lookupFqdn(store, target, depth + 1) : undefined;
    return { ips: next?.ips ?? [], cname: target };
  }
  if (svc.spec?.clusterIP === 'None') {
    const ips = headlessEndpoints(store, svc).map((e) => e.ip);
    return ips.length ? { ips } : undefined;
  }
  const ips = ((svc.spec?.clusterIPs ?? [svc.spec?.clusterIP]) as (string | undefined)[]).filter(
    (ip): ip is string => !!ip && ip !== 'None',
  );
  return ips.length ? { ips } : undefined;
}

/**
 * Resolves a name as a pod's resolver does: names with fewer than ndots dots try the search path
 * first; a trailing dot makes a name absolute. Returns the first answer with addresses.
 */
export function resolveClusterName(store: ApiStore, name: string, namespace: string): DnsAnswer {
  const candidates: string[] = [];
  if (name.endsWith('.')) candidates.push(name);
  else {
    const searched = searchPath(namespace).map((d) => `${name}.${d}`);
    const dots = name.split('.').length - 1;
    candidates.push(...(dots >= NDOTS ? [name, ...searched] : [...searched, name]));
  }
  for (const c of candidates) {
    const a = lookupFqdn(store, c);
    if (a && (a.ips.length || a.cname)) return { ...a, name: c.replace(/\.$/, '') };
  }
  return undefined;
}
