/** describeService, describeNode, describeNamespace, describeConfigMap, describeSecret and a generic fallback (describe.go). */
import type { KObject } from '../../api/types';
import type { Simulation } from '../../sim';
import { milliCpu, parseQuantity, formatMilliCpu, formatBytes } from '../../cluster/quantity';
import { since } from '../humanize';
import { nodeRoles } from '../printers/cluster';
import { Writer, annotationsBlock, eventsBlock, eventsFor, labelsBlock, rfc1123z } from './common';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function labels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

/** `formatEndpointSlices` for one port name: ready addresses, at most 3, then ` + N more...`. */
function serviceEndpoints(sim: Simulation, svc: KObject, portName: string): string {
  const slices = sim.store.list('EndpointSlice', {
    namespace: svc.metadata.namespace,
    labelSelector: `kubernetes.io/service-name=${svc.metadata.name}`,
  });
  const list: string[] = [];
  let count = 0;
  for (const s of slices) {
    for (const p of (s.ports ?? []) as Any[]) {
      if ((p.name ?? '') !== portName) continue;
      for (const ep of (s.endpoints ?? []) as Any[]) {
        if (ep.conditions?.ready === false) continue;
        for (const a of ep.addresses ?? []) {
          count++;
          if (list.length < 3) list.push(`${a}:${p.port}`);
        }
      }
    }
  }
  if (list.length === 0) return '<none>';
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export function describeService(sim: Simulation, svc: KObject): string {
  const w = new Writer();
  const spec = svc.spec ?? {};
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  labelsBlock(w, '', 'Labels', svc.metadata.labels);
  annotationsBlock(w, '', 'Annotations', svc.metadata.annotations);
  w.write(
    0,
    `Selector:\t${Object.keys(spec.selector ?? {}).length ? labels(spec.selector) : ''}\n`,
  );
  w.write(0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${(spec.clusterIPs ?? []).join(',') || '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ing = (svc.status?.loadBalancer?.ingress ?? []) as Any[];
  if (ing.length)
    w.write(0, `LoadBalancer Ingress:\t${ing.map((i) => i.ip || i.hostname).join(', ')}\n`);
  for (const p of (spec.ports ?? []) as Any[]) {
    const name = p.name || '<unset>';
    w.write(0, `Port:\t${name}\t${p.port}/${p.protocol ?? 'TCP'}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol ?? 'TCP'}\n`);
    w.write(0, `Endpoints:\t${serviceEndpoints(sim, svc, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy)
    w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy)
    w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  eventsBlock(w, eventsFor(sim, svc), sim.now());
  return w.toString();
}

function taintsBlock(w: Writer, taints: Any[] | undefined): void {
  w.write(0, 'Taints:\t');
  if (!taints?.length) {
    w.write(0, '<none>\n');
    return;
  }
  taints.forEach((t, i) =>
    w.write(0, `${i ? '\t' : ''}${t.key}${t.value ? '=' + t.value : ''}:${t.effect}\n`),
  );
}

function pct(part: number, whole: number): number {
  return whole > 0 ? Math.trunc((part / whole) * 100) : 0;
}

function podResources(p: KObject): {
  cpuReq: number;
  cpuLim: number;
  memReq: number;
  memLim: number;
} {
  const r = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const c of (p.spec?.containers ?? []) as Any[]) {
    r.cpuReq += milliCpu(c.resources?.requests?.cpu);
    r.cpuLim += milliCpu(c.resources?.limits?.cpu);
    r.memReq += parseQuantity(c.resources?.requests?.memory);
    r.memLim += parseQuantity(c.resources?.limits?.memory);
  }
  return r;
}

const mem = (b: number) => (b === 0 ? '0' : formatBytes(b));

export function describeNode(sim: Simulation, node: KObject): string {
  const w = new Writer();
  const st = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node)}\n`);
  labelsBlock(w, '', 'Labels', node.metadata.labels);
  annotationsBlock(w, '', 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  taintsBlock(w, node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  const lease = sim.store.get('Lease', 'kube-node-lease', node.metadata.name);
  if (lease) {
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(
      1,
      `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`,
    );
    w.write(
      1,
      `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`,
    );
  }
  if (st.conditions?.length) {
    w.write(
      0,
      'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
    );
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of st.conditions)
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
  }
  w.write(0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', st.capacity],
    ['Allocatable', st.allocatable],
  ] as [string, Record<string, string>][]) {
    if (!list) continue;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(0, `  ${k}:\t${list[k]}\n`);
  }
  const ni = st.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ]) {
    w.write(0, `  ${label}:\t${ni[key] ?? ''}\n`);
  }
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  const pods = sim.store
    .list('Pod', { fieldSelector: `spec.nodeName=${node.metadata.name}` })
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const alloc = st.allocatable ?? st.capacity ?? {};
  const cpuA = milliCpu(alloc.cpu);
  const memA = parseQuantity(alloc.memory);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const tot = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of pods) {
    const r = podResources(p);
    tot.cpuReq += r.cpuReq;
    tot.cpuLim += r.cpuLim;
    tot.memReq += r.memReq;
    tot.memLim += r.memLim;
    w.write(
      1,
      `${p.metadata.namespace}\t${p.metadata.name}\t\t${formatMilliCpu(r.cpuReq)} (${pct(r.cpuReq, cpuA)}%)\t${formatMilliCpu(r.cpuLim)} (${pct(r.cpuLim, cpuA)}%)\t${mem(r.memReq)} (${pct(r.memReq, memA)}%)\t${mem(r.memLim)} (${pct(r.memLim, memA)}%)\t${since(p.metadata.creationTimestamp, sim.now())}\n`,
    );
  }
  w.write(
    0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  );
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(
    1,
    `cpu\t${formatMilliCpu(tot.cpuReq)} (${pct(tot.cpuReq, cpuA)}%)\t${formatMilliCpu(tot.cpuLim)} (${pct(tot.cpuLim, cpuA)}%)\n`,
  );
  w.write(
    1,
    `memory\t${mem(tot.memReq)} (${pct(tot.memReq, memA)}%)\t${mem(tot.memLim)} (${pct(tot.memLim, memA)}%)\n`,
  );
  w.write(1, `ephemeral-storage\t0 (0%)\t0 (0%)\n`);
  for (const k of Object.keys(alloc)
    .filter((x) => x.startsWith('hugepages-'))
    .sort())
    w.write(1, `${k}\t0 (0%)\t0 (0%)\n`);
  eventsBlock(w, eventsFor(sim, node), sim.now());
  return w.toString();
}

export function describeNamespace(sim: Simulation, ns: KObject): string {
  const w = new Writer();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsBlock(w, '', 'Labels', ns.metadata.labels);
  annotationsBlock(w, '', 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const quotas = sim.store.list('ResourceQuota', { namespace: ns.metadata.name });
  w.write(0, '\n');
  if (quotas.length === 0) w.write(0, 'No resource quota.\n');
  else {
    for (const q of quotas) {
      w.write(
        0,
        `Resource Quotas\n  Name:\t${q.metadata.name}\n  Resource\tUsed\tHard\n  --------\t---\t---\n`,
      );
      for (const k of Object.keys(q.spec?.hard ?? {}).sort())
        w.write(1, `${k}\t${q.status?.used?.[k] ?? '0'}\t${q.spec.hard[k]}\n`);
    }
  }
  w.write(0, '\n');
  if (sim.store.list('LimitRange', { namespace: ns.metadata.name }).length === 0)
    w.write(0, 'No LimitRange resource.\n');
  return w.toString();
}

export function describeConfigMap(sim: Simulation, cm: KObject): string {
  const w = new Writer();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  labelsBlock(w, '', 'Labels', cm.metadata.labels);
  annotationsBlock(w, '', 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) w.write(0, `${k}:\n----\n${cm.data[k]}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort())
    w.write(0, `${k}: ${Math.floor((cm.binaryData[k].length * 3) / 4)} bytes\n`);
  w.write(0, '\n');
  eventsBlock(w, eventsFor(sim, cm), sim.now());
  return w.toString();
}

function base64Length(s: string): number {
  const clean = s.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

export function describeSecret(_sim: Simulation, s: KObject): string {
  const w = new Writer();
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`);
  labelsBlock(w, '', 'Labels', s.metadata.labels);
  annotationsBlock(w, '', 'Annotations', s.metadata.annotations);
  w.write(0, `\nType:\t${s.type ?? 'Opaque'}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(s.data ?? {}).sort())
    w.write(0, `${k}:\t${base64Length(s.data[k])} bytes\n`);
  return w.toString();
}

/** Kinds without a dedicated describer: the common metadata and the events. */
export function describeGeneric(sim: Simulation, o: KObject): string {
  const w = new Writer();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  if (o.metadata.namespace) w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  labelsBlock(w, '', 'Labels', o.metadata.labels);
  annotationsBlock(w, '', 'Annotations', o.metadata.annotations);
  w.write(0, `API Version:\t${o.apiVersion}\n`);
  w.write(0, `Kind:\t${o.kind}\n`);
  eventsBlock(w, eventsFor(sim, o), sim.now());
  return w.toString();
}
