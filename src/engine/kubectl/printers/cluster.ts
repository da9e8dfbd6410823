/** Cluster and config tables: nodes, namespaces, events, config, storage, policy, RBAC (printers.go). */
import type { KObject } from '../../api/types';
import { since } from '../humanize';
import { ageColumn, num, type Column } from './table';

const name: Column = { header: 'NAME', cell: (o) => o.metadata.name };
const createdAt: Column = { header: 'CREATED AT', cell: (o) => o.metadata.creationTimestamp };

/** Labels that name a node's roles (`findNodeRoles` in printers.go). */
const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

export function nodeRoles(o: KObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX) && k.length > NODE_ROLE_PREFIX.length)
      roles.add(k.slice(NODE_ROLE_PREFIX.length));
    else if (k === NODE_ROLE_LABEL && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

export function nodeStatus(o: KObject): string {
  const ready = (o.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  const out = [!ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (o.spec?.unschedulable) out.push('SchedulingDisabled');
  return out.join(',');
}

function nodeAddress(o: KObject, type: string): string {
  return (
    ((o.status?.addresses ?? []) as { type: string; address: string }[]).find(
      (a) => a.type === type,
    )?.address ?? '<none>'
  );
}

export const nodeColumns: Column[] = [
  name,
  { header: 'STATUS', cell: nodeStatus },
  { header: 'ROLES', cell: nodeRoles },
  ageColumn,
  { header: 'VERSION', cell: (o) => o.status?.nodeInfo?.kubeletVersion ?? '' },
  { header: 'INTERNAL-IP', wide: true, cell: (o) => nodeAddress(o, 'InternalIP') },
  { header: 'EXTERNAL-IP', wide: true, cell: (o) => nodeAddress(o, 'ExternalIP') },
  { header: 'OS-IMAGE', wide: true, cell: (o) => o.status?.nodeInfo?.osImage || '<unknown>' },
  {
    header: 'KERNEL-VERSION',
    wide: true,
    cell: (o) => o.status?.nodeInfo?.kernelVersion || '<unknown>',
  },
  {
    header: 'CONTAINER-RUNTIME',
    wide: true,
    cell: (o) => o.status?.nodeInfo?.containerRuntimeVersion || '<unknown>',
  },
];

export const namespaceColumns: Column[] = [
  name,
  { header: 'STATUS', cell: (o) => o.status?.phase ?? '' },
  ageColumn,
];

/** `printEvent`: LAST SEEN shows `Xs (xN over Y)` only in describe; the table has a COUNT column in wide. */
export function eventTimes(
  o: KObject,
  now: number,
): { last: string; first: string; count: number } {
  let first = since(o.firstTimestamp, now);
  if (!o.firstTimestamp) first = since(o.eventTime, now);
  let last = o.lastTimestamp ? since(o.lastTimestamp, now) : first;
  let count = o.count ?? 0;
  if (o.series) {
    last = since(o.series.lastObservedTime, now);
    count = o.series.count;
  } else if (count === 0) count = 1;
  return { last, first, count };
}

export function eventTarget(o: KObject): string {
  const io = o.involvedObject ?? {};
  return io.name
    ? `${String(io.kind).toLowerCase()}/${io.name}`
    : String(io.kind ?? '').toLowerCase();
}

function eventSource(o: KObject): string {
  const comp = o.source?.component || o.reportingComponent || '';
  const host = o.source?.host || o.reportingInstance || '';
  return host ? `${comp}, ${host}` : comp;
}

export const eventColumns: Column[] = [
  { header: 'LAST SEEN', cell: (o, c) => eventTimes(o, c.now).last },
  { header: 'TYPE', cell: (o) => o.type ?? '' },
  { header: 'REASON', cell: (o) => o.reason ?? '' },
  { header: 'OBJECT', cell: eventTarget },
  { header: 'SUBOBJECT', wide: true, cell: (o) => o.involvedObject?.fieldPath ?? '' },
  { header: 'SOURCE', wide: true, cell: eventSource },
  { header: 'MESSAGE', cell: (o) => String(o.message ?? '').trim() },
  { header: 'FIRST SEEN', wide: true, cell: (o, c) => eventTimes(o, c.now).first },
  { header: 'COUNT', wide: true, cell: (o, c) => String(eventTimes(o, c.now).count) },
  { header: 'NAME', wide: true, cell: (o) => o.metadata.name },
];

export const configMapColumns: Column[] = [
  name,
  {
    header: 'DATA',
    cell: (o) => String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length),
  },
  ageColumn,
];

export const secretColumns: Column[] = [
  name,
  { header: 'TYPE', cell: (o) => o.type ?? 'Opaque' },
  { header: 'DATA', cell: (o) => String(Object.keys(o.data ?? {}).length) },
  ageColumn,
];

export const serviceAccountColumns: Column[] = [
  name,
  { header: 'SECRETS', cell: (o) => String((o.secrets ?? []).length) },
  ageColumn,
];

function intOrPercent(v: unknown): string {
  return v === undefined || v === null ? 'N/A' : String(v);
}

export const pdbColumns: Column[] = [
  name,
  { header: 'MIN AVAILABLE', cell: (o) => intOrPercent(o.spec?.minAvailable) },
  { header: 'MAX UNAVAILABLE', cell: (o) => intOrPercent(o.spec?.maxUnavailable) },
  { header: 'ALLOWED DISRUPTIONS', cell: (o) => num(o.status?.disruptionsAllowed) },
  ageColumn,
];

/** `formatHPAMetrics` (1.33+ form `cpu: 12%/50%`), at most 2 metrics then ` + N more...`. */
export function hpaTargets(o: KObject): string {
  const specs = (o.spec?.metrics ?? []) as {
    type: string;
    resource?: { name: string; target?: { averageUtilization?: number; averageValue?: string } };
  }[];
  if (specs.length === 0) return '<none>';
  const statuses = (o.status?.currentMetrics ?? []) as {
    resource?: { current?: { averageUtilization?: number; averageValue?: string } };
  }[];
  const list: string[] = [];
  specs.forEach((s, i) => {
    if (s.type !== 'Resource' || !s.resource) {
      list.push(`<unknown>/<unknown>`);
      return;
    }
    const cur = statuses[i]?.resource?.current;
    if (s.resource.target?.averageValue !== undefined) {
      list.push(
        `${s.resource.name}: ${cur?.averageValue ?? '<unknown>'}/${s.resource.target.averageValue}`,
      );
    } else {
      const c = cur?.averageUtilization !== undefined ? `${cur.averageUtilization}%` : '<unknown>';
      const t =
        s.resource.target?.averageUtilization !== undefined
          ? `${s.resource.target.averageUtilization}%`
          : '<auto>';
      list.push(`${s.resource.name}: ${c}/${t}`);
    }
  });
  return list.length > 2
    ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`
    : list.join(', ');
}

export const hpaColumns: Column[] = [
  name,
  {
    header: 'REFERENCE',
    cell: (o) => `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}`,
  },
  { header: 'TARGETS', cell: hpaTargets },
  {
    header: 'MINPODS',
    cell: (o) => (o.spec?.minReplicas === undefined ? '<unset>' : String(o.spec.minReplicas)),
  },
  { header: 'MAXPODS', cell: (o) => String(o.spec?.maxReplicas ?? 0) },
  { header: 'REPLICAS', cell: (o) => num(o.status?.currentReplicas) },
  ageColumn,
];

const accessModes = (modes: string[] | undefined) =>
  (modes ?? [])
    .map(
      (m) =>
        ({
          ReadWriteOnce: 'RWO',
          ReadOnlyMany: 'ROX',
          ReadWriteMany: 'RWX',
          ReadWriteOncePod: 'RWOP',
        })[m] ?? m,
    )
    .join(',');

export const pvColumns: Column[] = [
  name,
  { header: 'CAPACITY', cell: (o) => o.spec?.capacity?.storage ?? '' },
  { header: 'ACCESS MODES', cell: (o) => accessModes(o.spec?.accessModes) },
  { header: 'RECLAIM POLICY', cell: (o) => o.spec?.persistentVolumeReclaimPolicy ?? '' },
  { header: 'STATUS', cell: (o) => o.status?.phase ?? '' },
  {
    header: 'CLAIM',
    cell: (o) => (o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : ''),
  },
  { header: 'STORAGECLASS', cell: (o) => o.spec?.storageClassName ?? '' },
  { header: 'VOLUMEATTRIBUTESCLASS', cell: (o) => o.spec?.volumeAttributesClassName || '<unset>' },
  { header: 'REASON', cell: (o) => o.status?.reason ?? '' },
  ageColumn,
  { header: 'VOLUMEMODE', wide: true, cell: (o) => o.spec?.volumeMode ?? '<unset>' },
];

export const pvcColumns: Column[] = [
  name,
  {
    header: 'STATUS',
    cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? '')),
  },
  { header: 'VOLUME', cell: (o) => o.spec?.volumeName ?? '' },
  { header: 'CAPACITY', cell: (o) => o.status?.capacity?.storage ?? '' },
  { header: 'ACCESS MODES', cell: (o) => accessModes(o.status?.accessModes) },
  { header: 'STORAGECLASS', cell: (o) => o.spec?.storageClassName ?? '' },
  { header: 'VOLUMEATTRIBUTESCLASS', cell: (o) => o.spec?.volumeAttributesClassName || '<unset>' },
  ageColumn,
  { header: 'VOLUMEMODE', wide: true, cell: (o) => o.spec?.volumeMode ?? '<unset>' },
];

const DEFAULT_SC_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export const storageClassColumns: Column[] = [
  {
    header: 'NAME',
    cell: (o) =>
      o.metadata.annotations?.[DEFAULT_SC_ANNOTATION] === 'true'
        ? `${o.metadata.name} (default)`
        : o.metadata.name,
  },
  { header: 'PROVISIONER', cell: (o) => o.provisioner ?? '' },
  { header: 'RECLAIMPOLICY', cell: (o) => o.reclaimPolicy ?? 'Delete' },
  { header: 'VOLUMEBINDINGMODE', cell: (o) => o.volumeBindingMode ?? 'Immediate' },
  { header: 'ALLOWVOLUMEEXPANSION', cell: (o) => String(o.allowVolumeExpansion ?? false) },
  ageColumn,
];

export const priorityClassColumns: Column[] = [
  name,
  { header: 'VALUE', cell: (o) => String(o.value ?? 0) },
  { header: 'GLOBAL-DEFAULT', cell: (o) => String(o.globalDefault ?? false) },
  ageColumn,
  { header: 'PREEMPTIONPOLICY', cell: (o) => o.preemptionPolicy ?? 'PreemptLowerPriority' },
];

export const leaseColumns: Column[] = [
  name,
  { header: 'HOLDER', cell: (o) => o.spec?.holderIdentity ?? '' },
  ageColumn,
];

export const roleColumns: Column[] = [name, createdAt];

function subjects(o: KObject, kind: string): string {
  return ((o.subjects ?? []) as { kind: string; name: string; namespace?: string }[])
    .filter((s) => s.kind === kind)
    .map((s) => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}/${s.name}` : s.name))
    .join(', ');
}

export const roleBindingColumns: Column[] = [
  name,
  { header: 'ROLE', cell: (o) => `${o.roleRef?.kind}/${o.roleRef?.name}` },
  ageColumn,
  { header: 'USERS', wide: true, cell: (o) => subjects(o, 'User') },
  { header: 'GROUPS', wide: true, cell: (o) => subjects(o, 'Group') },
  { header: 'SERVICEACCOUNTS', wide: true, cell: (o) => subjects(o, 'ServiceAccount') },
];

export const resourceQuotaColumns: Column[] = [
  name,
  ageColumn,
  {
    header: 'REQUEST',
    cell: (o) =>
      Object.keys(o.spec?.hard ?? {})
        .filter((k) => !k.startsWith('limits.'))
        .sort()
        .map((k) => `${k}: ${o.status?.used?.[k] ?? '0'}/${o.spec.hard[k]}`)
        .join(', '),
  },
  {
    header: 'LIMIT',
    cell: (o) =>
      Object.keys(o.spec?.hard ?? {})
        .filter((k) => k.startsWith('limits.'))
        .sort()
        .map((k) => `${k}: ${o.status?.used?.[k] ?? '0'}/${o.spec.hard[k]}`)
        .join(', '),
  },
];
