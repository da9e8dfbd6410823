/** Networking tables: printService, printEndpoints, printEndpointSlice, printIngress, printNetworkPolicy (printers.go). */
import type { KObject } from '../../api/types';
import { formatLabelSelector } from '../../api/selectors';
import { ageColumn, type Column } from './table';
import { formatLabels } from './workloads';

const name: Column = { header: 'NAME', cell: (o) => o.metadata.name };

/** `getServiceExternalIP` in printers.go. */
export function serviceExternalIP(o: KObject): string {
  const spec = o.spec ?? {};
  const ext = (spec.externalIPs ?? []) as string[];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const ing = ((o.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[])
        .map((i) => i.ip || i.hostname || '')
        .filter((x) => x);
      const all = [...ing, ...ext];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

export function servicePorts(o: KObject): string {
  const ports = (o.spec?.ports ?? []) as { port: number; nodePort?: number; protocol?: string }[];
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) =>
      p.nodePort
        ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}`
        : `${p.port}/${p.protocol ?? 'TCP'}`,
    )
    .join(',');
}

export const serviceColumns: Column[] = [
  name,
  { header: 'TYPE', cell: (o) => o.spec?.type ?? 'ClusterIP' },
  { header: 'CLUSTER-IP', cell: (o) => o.spec?.clusterIP || '<none>' },
  { header: 'EXTERNAL-IP', cell: (o) => serviceExternalIP(o) },
  { header: 'PORT(S)', cell: (o) => servicePorts(o) },
  ageColumn,
  { header: 'SELECTOR', wide: true, cell: (o) => formatLabels(o.spec?.selector) },
];

/** `formatEndpoints`: at most 3 `ip:port` entries, then ` + N more...`. */
export function formatEndpoints(o: KObject): string {
  const subsets = (o.subsets ?? []) as {
    addresses?: { ip: string }[];
    ports?: { port: number }[];
  }[];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports?.length) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
    } else {
      for (const p of ss.ports) {
        count += addrs.length;
        for (const a of addrs) {
          if (list.length === max) {
            more = true;
            break;
          }
          list.push(a.ip.includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
        }
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsColumns: Column[] = [
  name,
  { header: 'ENDPOINTS', cell: (o) => formatEndpoints(o) },
  ageColumn,
];

function sliceEndpoints(o: KObject): string {
  const eps = (o.endpoints ?? []) as { addresses?: string[] }[];
  if (eps.length === 0) return '<unset>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const e of eps) {
    for (const a of e.addresses ?? []) {
      count++;
      if (list.length === max) more = true;
      else list.push(a);
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointSliceColumns: Column[] = [
  name,
  { header: 'ADDRESSTYPE', cell: (o) => o.addressType ?? '' },
  {
    header: 'PORTS',
    cell: (o) => {
      const ports = (o.ports ?? []) as { port?: number }[];
      if (ports.length === 0) return '<unset>';
      return ports.map((p) => (p.port === undefined ? '<unset>' : String(p.port))).join(',');
    },
  },
  { header: 'ENDPOINTS', cell: (o) => sliceEndpoints(o) },
  ageColumn,
];

export const ingressColumns: Column[] = [
  name,
  { header: 'CLASS', cell: (o) => o.spec?.ingressClassName || '<none>' },
  {
    header: 'HOSTS',
    cell: (o) => {
      const hosts = ((o.spec?.rules ?? []) as { host?: string }[]).map((r) => r.host || '*');
      if (hosts.length === 0) return '*';
      return hosts.length > 4
        ? `${hosts.slice(0, 4).join(',')} + ${hosts.length - 4} more...`
        : hosts.join(',');
    },
  },
  {
    header: 'ADDRESS',
    cell: (o) =>
      ((o.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[])
        .map((i) => i.ip || i.hostname)
        .join(','),
  },
  { header: 'PORTS', cell: (o) => ((o.spec?.tls ?? []).length ? '80, 443' : '80') },
  ageColumn,
];

export const ingressClassColumns: Column[] = [
  name,
  { header: 'CONTROLLER', cell: (o) => o.spec?.controller ?? '' },
  {
    header: 'PARAMETERS',
    cell: (o) => {
      const p = o.spec?.parameters;
      if (!p) return '<none>';
      return `${p.kind}.${p.apiGroup ?? ''}/${p.name}`;
    },
  },
  ageColumn,
];

export const networkPolicyColumns: Column[] = [
  name,
  { header: 'POD-SELECTOR', cell: (o) => formatLabelSelector(o.spec?.podSelector) },
  ageColumn,
];
