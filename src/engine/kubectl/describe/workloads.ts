/** describeDeployment, describeReplicaSet, describeDaemonSet, describeStatefulSet, describeJob (describe.go). */
import type { KObject } from '../../api/types';
import type { Simulation } from '../../sim';
import { formatLabelSelector, labelSelectorMatches } from '../../api/selectors';
import { parseTime } from '../../clock';
import { humanDuration } from '../humanize';
import {
  Writer,
  annotationsBlock,
  controllerOfText,
  eventsBlock,
  eventsFor,
  labelsBlock,
  rfc1123z,
} from './common';
import { describePodTemplate } from './containers';

/** `getPodStatusForController`: pods of the controller by phase. */
function podsStatus(sim: Simulation, o: KObject): string {
  const pods = sim.store
    .list('Pod', { namespace: o.metadata.namespace })
    .filter(
      (p) =>
        labelSelectorMatches(o.spec?.selector, p.metadata.labels) &&
        (p.metadata.ownerReferences ?? []).some((r) => r.uid === o.metadata.uid),
    );
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

function header(w: Writer, o: KObject, withCreation: boolean): void {
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  if (withCreation) w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
}

function rsList(rss: KObject[]): string {
  if (rss.length === 0) return '<none>';
  return rss
    .map(
      (r) =>
        `${r.metadata.name} (${r.status?.replicas ?? 0}/${r.spec?.replicas ?? 0} replicas created)`,
    )
    .join(', ');
}

function conditions(w: Writer, o: KObject): void {
  const cs = o.status?.conditions ?? [];
  if (!cs.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of cs) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export function describeDeployment(sim: Simulation, d: KObject): string {
  const w = new Writer();
  header(w, d, true);
  labelsBlock(w, '', 'Labels', d.metadata.labels);
  annotationsBlock(w, '', 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(d.spec?.selector)}\n`);
  const s = d.status ?? {};
  w.write(
    0,
    `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru)
    w.write(
      0,
      `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`,
    );
  describePodTemplate(w, d.spec?.template);
  conditions(w, d);
  const rss = sim.store
    .list('ReplicaSet', { namespace: d.metadata.namespace })
    .filter((r) => (r.metadata.ownerReferences ?? []).some((o) => o.uid === d.metadata.uid));
  const strip = (t: unknown) => {
    const c = JSON.parse(JSON.stringify(t ?? {}));
    delete c.metadata?.labels?.['pod-template-hash'];
    return JSON.stringify(c);
  };
  const newRs = rss
    .filter((r) => strip(r.spec?.template) === strip(d.spec?.template))
    .sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1))[0];
  const old = rss.filter(
    (r) => r !== newRs && ((r.spec?.replicas ?? 0) > 0 || (r.status?.replicas ?? 0) > 0),
  );
  w.write(0, `OldReplicaSets:\t${rsList(old)}\n`);
  w.write(0, `NewReplicaSet:\t${rsList(newRs ? [newRs] : [])}\n`);
  eventsBlock(w, eventsFor(sim, d), sim.now());
  return w.toString();
}

export function describeReplicaSet(sim: Simulation, rs: KObject): string {
  const w = new Writer();
  header(w, rs, false);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  labelsBlock(w, '', 'Labels', rs.metadata.labels);
  annotationsBlock(w, '', 'Annotations', rs.metadata.annotations);
  const ctl = controllerOfText(rs);
  if (ctl) w.write(0, `Controlled By:\t${ctl}\n`);
  w.write(
    0,
    `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`,
  );
  w.write(0, `Pods Status:\t${podsStatus(sim, rs)}\n`);
  describePodTemplate(w, rs.spec?.template);
  conditions(w, rs);
  eventsBlock(w, eventsFor(sim, rs), sim.now());
  return w.toString();
}

export function describeDaemonSet(sim: Simulation, ds: KObject): string {
  const w = new Writer();
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(ds.spec?.selector)}\n`);
  const ns = ds.spec?.template?.spec?.nodeSelector ?? {};
  const nsText = Object.keys(ns)
    .sort()
    .map((k) => `${k}=${ns[k]}`)
    .join(',');
  w.write(0, `Node-Selector:\t${nsText || '<none>'}\n`);
  labelsBlock(w, '', 'Labels', ds.metadata.labels);
  annotationsBlock(w, '', 'Annotations', ds.metadata.annotations);
  const s = ds.status ?? {};
  w.write(0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podsStatus(sim, ds)}\n`);
  describePodTemplate(w, ds.spec?.template);
  eventsBlock(w, eventsFor(sim, ds), sim.now());
  return w.toString();
}

export function describeStatefulSet(sim: Simulation, ss: KObject): string {
  const w = new Writer();
  header(w, ss, true);
  w.write(0, `Selector:\t${formatLabelSelector(ss.spec?.selector)}\n`);
  labelsBlock(w, '', 'Labels', ss.metadata.labels);
  annotationsBlock(w, '', 'Annotations', ss.metadata.annotations);
  w.write(0, `Replicas:\t${ss.spec?.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
  const us = ss.spec?.updateStrategy ?? {};
  w.write(0, `Update Strategy:\t${us.type ?? ''}\n`);
  if (us.rollingUpdate?.partition !== undefined)
    w.write(1, `Partition:\t${us.rollingUpdate.partition}\n`);
  w.write(0, `Pods Status:\t${podsStatus(sim, ss)}\n`);
  describePodTemplate(w, ss.spec?.template);
  const vcts = ss.spec?.volumeClaimTemplates ?? [];
  if (vcts.length === 0) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const v of vcts) {
      w.write(1, `Name:\t${v.metadata?.name}\n`);
      w.write(1, `StorageClass:\t${v.spec?.storageClassName ?? ''}\n`);
      labelsBlock(w, '  ', 'Labels', v.metadata?.labels);
      annotationsBlock(w, '  ', 'Annotations', v.metadata?.annotations);
      w.write(1, `Capacity:\t${v.spec?.resources?.requests?.storage ?? ''}\n`);
      w.write(1, `Access Modes:\t${(v.spec?.accessModes ?? []).join(',')}\n`);
    }
  }
  eventsBlock(w, eventsFor(sim, ss), sim.now());
  return w.toString();
}

export function describeJob(sim: Simulation, job: KObject): string {
  const w = new Writer();
  header(w, job, false);
  w.write(0, `Selector:\t${formatLabelSelector(job.spec?.selector)}\n`);
  labelsBlock(w, '', 'Labels', job.metadata.labels);
  annotationsBlock(w, '', 'Annotations', job.metadata.annotations);
  const ctl = controllerOfText(job);
  if (ctl) w.write(0, `Controlled By:\t${ctl}\n`);
  const sp = job.spec ?? {};
  w.write(0, `Parallelism:\t${sp.parallelism ?? 1}\n`);
  w.write(
    0,
    sp.completions !== undefined ? `Completions:\t${sp.completions}\n` : 'Completions:\t<unset>\n',
  );
  w.write(0, `Completion Mode:\t${sp.completionMode ?? 'NonIndexed'}\n`);
  w.write(0, `Suspend:\t${sp.suspend ?? false}\n`);
  w.write(0, `Backoff Limit:\t${sp.backoffLimit ?? 6}\n`);
  const st = job.status ?? {};
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) {
    w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    w.write(
      0,
      `Duration:\t${humanDuration((parseTime(st.completionTime) ?? 0) - (parseTime(st.startTime) ?? 0))}\n`,
    );
  }
  if (sp.activeDeadlineSeconds)
    w.write(0, `Active Deadline Seconds:\t${sp.activeDeadlineSeconds}s\n`);
  w.write(
    0,
    `Pods Statuses:\t${st.active ?? 0} Active (${st.ready ?? 0} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`,
  );
  describePodTemplate(w, sp.template);
  eventsBlock(w, eventsFor(sim, job), sim.now());
  return w.toString();
}
