/** Workload tables: printDeployment, printReplicaSet, printDaemonSet, printStatefulSet, printJob, printCronJob (printers.go). */
import type { KObject } from '../../api/types';
import { formatLabelSelector } from '../../api/selectors';
import { humanDuration, since } from '../humanize';
import { parseTime } from '../../clock';
import { ageColumn, num, type Column } from './table';

type Container = { name: string; image: string };

function templateOf(o: KObject): { containers?: Container[] } {
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec ?? {};
  return o.spec?.template?.spec ?? {};
}

export const containersColumn: Column = {
  header: 'CONTAINERS',
  wide: true,
  cell: (o) => (templateOf(o).containers ?? []).map((c) => c.name).join(','),
};
export const imagesColumn: Column = {
  header: 'IMAGES',
  wide: true,
  cell: (o) => (templateOf(o).containers ?? []).map((c) => c.image).join(','),
};
export const selectorColumn: Column = {
  header: 'SELECTOR',
  wide: true,
  cell: (o) => formatLabelSelector(o.spec?.selector),
};
const name: Column = { header: 'NAME', cell: (o) => o.metadata.name };

export const deploymentColumns: Column[] = [
  name,
  { header: 'READY', cell: (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}` },
  { header: 'UP-TO-DATE', cell: (o) => num(o.status?.updatedReplicas) },
  { header: 'AVAILABLE', cell: (o) => num(o.status?.availableReplicas) },
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

export const replicaSetColumns: Column[] = [
  name,
  { header: 'DESIRED', cell: (o) => num(o.spec?.replicas) },
  { header: 'CURRENT', cell: (o) => num(o.status?.replicas) },
  { header: 'READY', cell: (o) => num(o.status?.readyReplicas) },
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

/** `labels.SelectorFromSet(nodeSelector).String()`: sorted `k=v` pairs. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${m![k]}`).join(',');
}

export const daemonSetColumns: Column[] = [
  name,
  { header: 'DESIRED', cell: (o) => num(o.status?.desiredNumberScheduled) },
  { header: 'CURRENT', cell: (o) => num(o.status?.currentNumberScheduled) },
  { header: 'READY', cell: (o) => num(o.status?.numberReady) },
  { header: 'UP-TO-DATE', cell: (o) => num(o.status?.updatedNumberScheduled) },
  { header: 'AVAILABLE', cell: (o) => num(o.status?.numberAvailable) },
  { header: 'NODE SELECTOR', cell: (o) => formatLabels(o.spec?.template?.spec?.nodeSelector) },
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

export const statefulSetColumns: Column[] = [
  name,
  { header: 'READY', cell: (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}` },
  ageColumn,
  containersColumn,
  imagesColumn,
];

function hasCondition(o: KObject, type: string): boolean {
  return (o.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === type && c.status === 'True',
  );
}

export function jobStatus(o: KObject): string {
  if (hasCondition(o, 'Complete')) return 'Complete';
  if (hasCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(o, 'Suspended')) return 'Suspended';
  if (hasCondition(o, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(o, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export function jobCompletions(o: KObject): string {
  const succeeded = o.status?.succeeded ?? 0;
  if (o.spec?.completions !== undefined && o.spec?.completions !== null)
    return `${succeeded}/${o.spec.completions}`;
  const p = o.spec?.parallelism ?? 0;
  return p > 1 ? `${succeeded}/1 of ${p}` : `${succeeded}/1`;
}

function jobDuration(o: KObject, now: number): string {
  const start = parseTime(o.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(o.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

export const jobColumns: Column[] = [
  name,
  { header: 'STATUS', cell: (o) => jobStatus(o) },
  { header: 'COMPLETIONS', cell: (o) => jobCompletions(o) },
  { header: 'DURATION', cell: (o, c) => jobDuration(o, c.now) },
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

export const cronJobColumns: Column[] = [
  name,
  { header: 'SCHEDULE', cell: (o) => o.spec?.schedule ?? '' },
  { header: 'TIMEZONE', cell: (o) => o.spec?.timeZone || '<none>' },
  {
    header: 'SUSPEND',
    cell: (o) => (o.spec?.suspend === undefined ? '<unset>' : o.spec.suspend ? 'True' : 'False'),
  },
  { header: 'ACTIVE', cell: (o) => String((o.status?.active ?? []).length) },
  {
    header: 'LAST SCHEDULE',
    cell: (o, c) =>
      o.status?.lastScheduleTime ? since(o.status.lastScheduleTime, c.now) : '<none>',
  },
  ageColumn,
  containersColumn,
  imagesColumn,
  {
    header: 'SELECTOR',
    wide: true,
    cell: (o) => formatLabelSelector(o.spec?.jobTemplate?.spec?.selector),
  },
];

export const replicationControllerColumns: Column[] = [
  name,
  { header: 'DESIRED', cell: (o) => num(o.spec?.replicas) },
  { header: 'CURRENT', cell: (o) => num(o.status?.replicas) },
  { header: 'READY', cell: (o) => num(o.status?.readyReplicas) },
  ageColumn,
  containersColumn,
  imagesColumn,
  { header: 'SELECTOR', wide: true, cell: (o) => formatLabels(o.spec?.selector) },
];

export const controllerRevisionColumns: Column[] = [
  name,
  {
    header: 'CONTROLLER',
    cell: (o) => {
      const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
      if (!ref) return '<none>';
      const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
      return `${ref.kind.toLowerCase()}${group ? '.' + group : ''}/${ref.name}`;
    },
  },
  { header: 'REVISION', cell: (o) => String(o.revision ?? 0) },
  ageColumn,
];
