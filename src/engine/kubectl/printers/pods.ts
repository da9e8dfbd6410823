/** `kubectl get pods`: `printPod` in k/k:pkg/printers/internalversion/printers.go. */
import type { KObject } from '../../api/types';
import { parseTime } from '../../clock';
import { humanDuration } from '../humanize';
import type { Column, PrintContext } from './table';
import { ageColumn } from './table';

/** Node lifecycle controller's reason for pods deleted on an unreachable node. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string };
    running?: object;
    terminated?: { reason?: string; exitCode?: number; signal?: number };
  };
  lastState?: { terminated?: { finishedAt?: string } };
}

function isRestartable(c: { restartPolicy?: string } | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

export function podSummary(pod: KObject, now: number): PodSummary {
  const spec = pod.spec ?? {};
  const st = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastRestartableInitRestart = 0;
  let reason: string = st.reason || st.phase || '';
  for (const c of st.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const inits = new Map<string, { restartPolicy?: string }>();
  for (const ic of spec.initContainers ?? []) {
    inits.set(ic.name, ic);
    if (isRestartable(ic)) totalContainers++;
  }
  let initializing = false;
  const initStatuses = (st.initContainerStatuses ?? []) as ContainerStatus[];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const fin = parseTime(c.lastState?.terminated?.finishedAt) ?? 0;
    if (fin > lastRestart) lastRestart = fin;
    const restartable = isRestartable(inits.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount ?? 0;
      if (fin > lastRestartableInitRestart) lastRestartableInitRestart = fin;
    }
    const term = c.state?.terminated;
    if (term && term.exitCode === 0) continue;
    if (restartable && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      reason = term.reason
        ? `Init:${term.reason}`
        : term.signal
          ? `Init:Signal:${term.signal}`
          : `Init:ExitCode:${term.exitCode ?? 0}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    initializing = true;
    break;
  }
  const initializedTrue = (st.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === 'Initialized' && c.status === 'True',
  );
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const cs = (st.containerStatuses ?? []) as ContainerStatus[];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      restarts += c.restartCount ?? 0;
      const fin = parseTime(c.lastState?.terminated?.finishedAt) ?? 0;
      if (fin > lastRestart) lastRestart = fin;
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term)
        reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (st.conditions ?? []).some(
        (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
      );
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  const terminal = st.phase === 'Succeeded' || st.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && st.reason === NODE_UNREACHABLE_POD_REASON)
    reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  const restartsStr =
    restarts !== 0 && lastRestart > 0
      ? `${restarts} (${humanDuration(now - lastRestart)} ago)`
      : String(restarts);
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}

function readinessGates(pod: KObject): string {
  const gates = (pod.spec?.readinessGates ?? []) as { conditionType: string }[];
  if (gates.length === 0) return '<none>';
  let t = 0;
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find(
      (x: { type: string }) => x.type === g.conditionType,
    );
    if (c?.status === 'True') t++;
  }
  return `${t}/${gates.length}`;
}

const summary = (o: KObject, ctx: PrintContext) => podSummary(o, ctx.now);

export const podColumns: Column[] = [
  { header: 'NAME', cell: (o) => o.metadata.name },
  { header: 'READY', cell: (o, c) => summary(o, c).ready },
  { header: 'STATUS', cell: (o, c) => summary(o, c).status },
  { header: 'RESTARTS', cell: (o, c) => summary(o, c).restarts },
  ageColumn,
  {
    header: 'IP',
    wide: true,
    cell: (o) => o.status?.podIPs?.[0]?.ip || o.status?.podIP || '<none>',
  },
  { header: 'NODE', wide: true, cell: (o) => o.spec?.nodeName || '<none>' },
  { header: 'NOMINATED NODE', wide: true, cell: (o) => o.status?.nominatedNodeName || '<none>' },
  { header: 'READINESS GATES', wide: true, cell: (o) => readinessGates(o) },
];
