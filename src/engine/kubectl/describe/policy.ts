/**
 * describeHorizontalPodAutoscalerV2, describePodDisruptionBudgetV1, describeCronJob and
 * describeEndpoints (k8s.io/kubectl/pkg/describe/describe.go).
 */
import type { KObject } from '../../api/types';
import type { Simulation } from '../../sim';
import { formatLabelSelector } from '../../api/selectors';
import {
  Writer,
  annotationsBlock,
  eventsBlock,
  eventsFor,
  labelsBlock,
  printBool,
  rfc1123z,
} from './common';
import { describePodTemplate } from './containers';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

/** One `Metrics:` line per spec.metrics entry, current from status.currentMetrics[i]. */
function metricLine(w: Writer, m: Any, cur: Any): void {
  const unknown = '<unknown>';
  switch (m.type) {
    case 'Resource':
    case 'ContainerResource': {
      const src = m.type === 'Resource' ? m.resource : m.containerResource;
      const c = m.type === 'Resource' ? cur?.resource : cur?.containerResource;
      const of = m.type === 'Resource' ? '' : ` of container "${src.container}"`;
      w.write(1, `resource ${src.name}${of} on pods`);
      if (src.target?.averageValue !== undefined) {
        w.write(0, `:\t${c?.current?.averageValue ?? unknown} / ${src.target.averageValue}\n`);
        return;
      }
      const current =
        c?.current?.averageUtilization !== undefined
          ? `${c.current.averageUtilization}% (${c.current.averageValue ?? '0'})`
          : unknown;
      const target =
        src.target?.averageUtilization !== undefined
          ? `${src.target.averageUtilization}%`
          : '<auto>';
      w.write(1, `(as a percentage of request):\t${current} / ${target}\n`);
      return;
    }
    case 'Pods':
      w.write(
        1,
        `"${m.pods.metric.name}" on pods:\t${cur?.pods?.current?.averageValue ?? unknown} / ${m.pods.target.averageValue}\n`,
      );
      return;
    case 'Object': {
      const o = m.object;
      w.write(1, `"${o.metric.name}" on ${o.describedObject.kind}/${o.describedObject.name} `);
      const avg = o.target.type === 'AverageValue';
      const v = avg ? cur?.object?.current?.averageValue : cur?.object?.current?.value;
      w.write(
        0,
        `(target ${avg ? 'average ' : ''}value):\t${v ?? unknown} / ${avg ? o.target.averageValue : o.target.value}\n`,
      );
      return;
    }
    case 'External': {
      const e = m.external;
      const avg = e.target.averageValue !== undefined;
      const v = avg ? cur?.external?.current?.averageValue : cur?.external?.current?.value;
      w.write(
        1,
        `"${e.metric.name}" (target ${avg ? 'average ' : ''}value):\t${v ?? unknown} / ${avg ? e.target.averageValue : e.target.value}\n`,
      );
      return;
    }
  }
  w.write(1, `<unknown metric type "${m.type}">\n`);
}

function directionBehavior(w: Writer, direction: string, rules: Any): void {
  if (!rules) return;
  w.write(1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined)
    w.write(2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (rules.policies?.length) {
    w.write(2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(2, 'Policies:\n');
    for (const p of rules.policies)
      w.write(3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

export function describeHPA(sim: Simulation, hpa: KObject): string {
  const w = new Writer();
  const spec = hpa.spec ?? {};
  const ref = spec.scaleTargetRef ?? {};
  w.write(0, `Name:\t${hpa.metadata.name}\n`);
  w.write(0, `Namespace:\t${hpa.metadata.namespace}\n`);
  labelsBlock(w, '', 'Labels', hpa.metadata.labels);
  annotationsBlock(w, '', 'Annotations', hpa.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${ref.kind}/${ref.name}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  (spec.metrics ?? []).forEach((m: Any, i: number) =>
    metricLine(w, m, hpa.status?.currentMetrics?.[i]),
  );
  w.write(0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
  if (spec.behavior) {
    w.write(0, 'Behavior:\n');
    directionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
    directionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(0, `${ref.kind} pods:\t`);
  w.write(
    0,
    `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`,
  );
  const cs = hpa.status?.conditions ?? [];
  if (cs.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of cs)
      w.write(1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  eventsBlock(w, eventsFor(sim, hpa), sim.now());
  return w.toString();
}

export function describePDB(sim: Simulation, pdb: KObject): string {
  const w = new Writer();
  const spec = pdb.spec ?? {};
  w.write(0, `Name:\t${pdb.metadata.name}\n`);
  w.write(0, `Namespace:\t${pdb.metadata.namespace}\n`);
  if (spec.minAvailable !== undefined) w.write(0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined)
    w.write(0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
  const st = pdb.status ?? {};
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${st.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${st.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${st.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${st.expectedPods ?? 0}\n`);
  eventsBlock(w, eventsFor(sim, pdb), sim.now());
  return w.toString();
}

const unset = (v: unknown, suffix = '') => (v === undefined ? '<unset>' : `${v}${suffix}`);

export function describeCronJob(sim: Simulation, cj: KObject): string {
  const w = new Writer();
  const spec = cj.spec ?? {};
  w.write(0, `Name:\t${cj.metadata.name}\n`);
  w.write(0, `Namespace:\t${cj.metadata.namespace}\n`);
  labelsBlock(w, '', 'Labels', cj.metadata.labels);
  annotationsBlock(w, '', 'Annotations', cj.metadata.annotations);
  w.write(0, `Schedule:\t${spec.schedule}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : printBool(spec.suspend)}\n`);
  w.write(0, `Time Zone:\t${unset(spec.timeZone)}\n`);
  w.write(0, `Successful Job History Limit:\t${unset(spec.successfulJobsHistoryLimit)}\n`);
  w.write(0, `Failed Job History Limit:\t${unset(spec.failedJobsHistoryLimit)}\n`);
  w.write(0, `Starting Deadline Seconds:\t${unset(spec.startingDeadlineSeconds, 's')}\n`);
  const jt = spec.jobTemplate?.spec ?? {};
  w.write(0, `Selector:\t${jt.selector ? formatLabelSelector(jt.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${unset(jt.parallelism)}\n`);
  w.write(0, `Completions:\t${unset(jt.completions)}\n`);
  if (jt.activeDeadlineSeconds !== undefined)
    w.write(0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jt.template);
  const last = cj.status?.lastScheduleTime;
  w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
  const active = (cj.status?.active ?? []) as Any[];
  w.write(0, `Active Jobs:\t${active.length ? active.map((j) => j.name).join(', ') : '<none>'}\n`);
  eventsBlock(w, eventsFor(sim, cj), sim.now());
  return w.toString();
}

export function describeEndpoints(sim: Simulation, ep: KObject): string {
  const w = new Writer();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  labelsBlock(w, '', 'Labels', ep.metadata.labels);
  annotationsBlock(w, '', 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const s of (ep.subsets ?? []) as Any[]) {
    const ips = (l: Any[] | undefined) => (l ?? []).map((a) => a.ip).join(',') || '<none>';
    w.write(1, `Addresses:\t${ips(s.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ips(s.notReadyAddresses)}\n`);
    if (s.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of s.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`);
    }
    w.write(0, '\n');
  }
  eventsBlock(w, eventsFor(sim, ep), sim.now());
  return w.toString();
}
