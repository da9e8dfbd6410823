/**
 * The network a container's shell sees (`wget`, `nslookup` in busybox): cluster DNS with the pod's
 * search path, and HTTP requests sent from the pod's IP through kube-proxy like curl's.
 */
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import { clusterDnsAvailable, isIPv4, resolveClusterName } from '../proxy/dns';
import { sendRequest } from '../proxy/network';
import type { Client } from '../proxy/client';
import { statusText } from '../proxy/http-text';

export interface PodNet {
  http(url: string): { ok: true; body: string } | { ok: false; error: string };
  lookup(name: string): { name: string; ips: string[] } | undefined;
}

export function podNet(sim: Simulation, pod: KObject, ip: string | undefined): PodNet {
  const namespace = pod.metadata.namespace ?? 'default';
  const client: Client = {
    name: pod.metadata.name,
    ip: ip ?? '',
    namespace,
    nodeName: pod.spec?.nodeName,
    outside: false,
  };
  return {
    lookup(name) {
      if (isIPv4(name)) return { name, ips: [name] };
      if (!clusterDnsAvailable(sim)) return undefined;
      const a = resolveClusterName(sim.store, name, namespace);
      return a?.ips.length ? { name: a.name ?? name, ips: a.ips } : undefined;
    },
    http(url) {
      const m = /^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(url);
      if (!m) return { ok: false, error: `wget: bad address '${url}'` };
      const host = m[2];
      const port = m[3] ? Number(m[3]) : 80;
      const out = sendRequest(sim, client, { host, port, path: m[4] || '/', source: 'wget' });
      // busybox wget's messages (networking/wget.c).
      if (out.kind === 'unresolved') return { ok: false, error: `wget: bad address '${host}'` };
      if (out.kind === 'refused')
        return {
          ok: false,
          error: `wget: can't connect to remote host (${out.ip}): Connection refused`,
        };
      if (out.kind === 'timeout' || out.kind === 'empty')
        return { ok: false, error: 'wget: download timed out' };
      if (out.status >= 400)
        return {
          ok: false,
          error: `wget: server returned error: HTTP/1.1 ${out.status} ${statusText(out.status)}`,
        };
      return { ok: true, body: out.body };
    },
  };
}
