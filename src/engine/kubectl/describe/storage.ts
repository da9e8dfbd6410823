/**
 * describePersistentVolumeClaim, describePersistentVolume and IngressDescriber.describeIngressV1
 * (k8s.io/kubectl/pkg/describe/describe.go).
 */
import type { KObject } from '../../api/types';
import type { Simulation } from '../../sim';
import { ApiError } from '../../api/errors';
import { since } from '../humanize';
import { Writer, annotationsBlock, eventsBlock, eventsFor, labelsBlock, rfc1123z } from './common';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

/** storageutil.GetAccessModesAsString: a fixed order, not the spec's. */
function accessModes(modes: string[] | undefined): string {
  const m = modes ?? [];
  const order: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return order
    .filter(([k]) => m.includes(k))
    .map(([, v]) => v)
    .join(',');
}

/** Go `%v` of a string slice: `[a b]`. */
const goSlice = (l: string[] | undefined) => `[${(l ?? []).join(' ')}]`;

function status(sim: Simulation, o: KObject): string {
  return o.metadata.deletionTimestamp
    ? `Terminating (lasts ${since(o.metadata.deletionTimestamp, sim.now())})`
    : String(o.status?.phase ?? '');
}

export function describePVC(sim: Simulation, pvc: KObject): string {
  const w = new Writer();
  const spec = pvc.spec ?? {};
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace}\n`);
  w.write(0, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
  w.write(0, `Status:\t${status(sim, pvc)}\n`);
  w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
  labelsBlock(w, '', 'Labels', pvc.metadata.labels);
  annotationsBlock(w, '', 'Annotations', pvc.metadata.annotations);
  w.write(0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}\n`);
  const bound = !!spec.volumeName;
  w.write(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  const users = sim.store
    .list('Pod', { namespace: pvc.metadata.namespace })
    .filter((p) =>
      (p.spec?.volumes ?? []).some(
        (v: Any) => v.persistentVolumeClaim?.claimName === pvc.metadata.name,
      ),
    )
    .map((p) => p.metadata.name)
    .sort();
  w.write(0, `Used By:\t${users.length ? users.join('\n\t') : '<none>'}\n`);
  const cs = (pvc.status?.conditions ?? []) as Any[];
  if (cs.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of cs)
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
  }
  eventsBlock(w, eventsFor(sim, pvc), sim.now());
  return w.toString();
}

export function describePV(sim: Simulation, pv: KObject): string {
  const w = new Writer();
  const spec = pv.spec ?? {};
  w.write(0, `Name:\t${pv.metadata.name}\n`);
  labelsBlock(w, '', 'Labels', pv.metadata.labels);
  annotationsBlock(w, '', 'Annotations', pv.metadata.annotations);
  w.write(0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}\n`);
  w.write(0, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
  w.write(0, `Status:\t${status(sim, pv)}\n`);
  const claim = spec.claimRef;
  w.write(0, `Claim:\t${claim ? `${claim.namespace ?? ''}/${claim.name}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${spec.capacity?.storage ?? '0'}\n`);
  const req = spec.nodeAffinity?.required;
  if (!req) w.write(0, 'Node Affinity:\t<none>\n');
  else {
    w.write(0, 'Node Affinity:\t\n');
    const terms = (req.nodeSelectorTerms ?? []) as Any[];
    w.write(1, `Required Terms:\t${terms.length ? '' : '<none>'}\n`);
    terms.forEach((t, i) => {
      const exprs = (t.matchExpressions ?? []) as Any[];
      w.write(2, `Term ${i}:\t`);
      if (!exprs.length) w.write(0, '<none>\n');
      exprs.forEach((r, j) => {
        if (j) w.write(2, '\t');
        const vals = r.values?.length ? ` [${r.values.join(', ')}]` : '';
        w.write(0, `${r.key} ${String(r.operator).toLowerCase()}${vals}\n`);
      });
    });
  }
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(0, 'Source:\n');
  if (spec.hostPath)
    w.write(
      2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type || '<none>'}\n`,
    );
  else if (spec.local)
    w.write(
      2,
      `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`,
    );
  else w.write(1, '<unknown>\n');
  eventsBlock(w, eventsFor(sim, pv), sim.now());
  return w.toString();
}

/** describeBackendV1: `svc:port (ip:port,...)` from the Service's EndpointSlices. */
function backendText(sim: Simulation, ns: string, b: Any): string {
  if (b?.resource) {
    const r = b.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  const s = b?.service;
  if (!s) return '';
  const sb = `${s.name}:${s.port?.number || s.port?.name || ''}`;
  const svc = sim.store.get('Service', ns, s.name);
  if (!svc)
    return `${sb} (<error: ${new ApiError('NotFound', `services "${s.name}" not found`).message}>)`;
  let portName = '';
  for (const p of (svc.spec?.ports ?? []) as Any[]) {
    if ((s.port?.number && s.port.number === p.port) || (s.port?.name && s.port.name === p.name))
      portName = p.name ?? '';
  }
  const slices = sim.store.list('EndpointSlice', {
    namespace: ns,
    labelSelector: `kubernetes.io/service-name=${s.name}`,
  });
  if (!slices.length) return `${sb} (<none>)`;
  const list: string[] = [];
  let count = 0;
  for (const sl of slices)
    for (const p of (sl.ports ?? []) as Any[]) {
      if ((p.name ?? '') !== portName) continue;
      for (const ep of (sl.endpoints ?? []) as Any[]) {
        if (ep.conditions?.ready === false) continue;
        count++;
        if (list.length < 3) list.push(`${ep.addresses[0]}:${p.port}`);
      }
    }
  const eps = count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
  return `${sb} (${eps})`;
}

export function describeIngress(sim: Simulation, ing: KObject): string {
  const w = new Writer();
  const ns = ing.metadata.namespace ?? '';
  const spec = ing.spec ?? {};
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  labelsBlock(w, '', 'Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${ns}\n`);
  const addr = ((ing.status?.loadBalancer?.ingress ?? []) as Any[])
    .map((i) => i.ip || i.hostname)
    .join(',');
  w.write(0, `Address:\t${addr}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const def = spec.defaultBackend ? backendText(sim, ns, spec.defaultBackend) : '<default>';
  w.write(0, `Default backend:\t${def}\n`);
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of spec.tls as Any[])
      w.write(
        1,
        t.secretName
          ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`
          : `SNI routes ${(t.hosts ?? []).join(',')}\n`,
      );
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const r of (spec.rules ?? []) as Any[]) {
    if (!r.http) continue;
    count++;
    w.write(1, `${r.host || '*'}\t\n`);
    for (const p of r.http.paths ?? [])
      w.write(2, `\t${p.path ?? ''} \t${backendText(sim, ns, p.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${def}\n`);
  annotationsBlock(w, '', 'Annotations', ing.metadata.annotations);
  eventsBlock(w, eventsFor(sim, ing), sim.now());
  return w.toString();
}
