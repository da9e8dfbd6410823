/**
 * One scheduling cycle for a popped pod (`k/k:pkg/scheduler/schedule_one.go schedulingCycle` and
 * `handleSchedulingFailure`): snapshot, schedulePod, DefaultPreemption on failure, then assume
 * and bind, or requeue as unschedulable with the FitError recorded on the pod.
 */
import type { KObject } from '../api/types';
import { isPodTerminal } from '../api/podutil';
import { deepClone } from '../api/types';
import { nsName, splitKey } from '../controllers/controller';
import type { Simulation } from '../sim';
import { NO_NODES_AVAILABLE, fitErrorMessage, schedulePod } from './algorithm';
import type { DecisionLog } from './decisions';
import { preemptVictims, recordFailure } from './effects';
import type { CycleContext } from './framework';
import { buildSnapshot } from './nodeinfo';
import { FILTER_PLUGINS, SCORE_PLUGINS } from './plugins';
import { preempt } from './preemption';
import type { QueuedPodInfo, SchedulingQueue } from './queue';

export interface Assumed {
  uid: string;
  node: string;
  [k: string]: string;
}

/** The parts of the scheduler component a cycle uses. */
export interface CycleHost {
  readonly sim: Simulation;
  readonly queue: SchedulingQueue;
  readonly decisions: DecisionLog;
  assumed: Record<string, Assumed>;
  nextStartNodeIndex: number;
  inFlight: { plugins: Set<string>; all: boolean } | null;
  scheduleBind(key: string, uid: string, node: string): void;
}

/** The cache's pods: bound and not terminal, plus assumed pods placed on their chosen node. */
function cachePods(
  host: CycleHost,
  all: KObject[],
): { pods: KObject[]; nominated: Map<string, KObject[]> } {
  const pods: KObject[] = [];
  const nominated = new Map<string, KObject[]>();
  for (const p of all) {
    if (isPodTerminal(p)) continue;
    if (p.spec?.nodeName) {
      pods.push(p);
      continue;
    }
    const a = host.assumed[nsName(p)];
    if (a && a.uid === p.metadata.uid) {
      const copy = deepClone(p);
      copy.spec.nodeName = a.node;
      pods.push(copy);
      continue;
    }
    const nnn = p.status?.nominatedNodeName as string | undefined;
    if (nnn && !p.metadata.deletionTimestamp) {
      const list = nominated.get(nnn) ?? [];
      list.push(p);
      nominated.set(nnn, list);
    }
  }
  return { pods, nominated };
}

export function runCycle(host: CycleHost, info: QueuedPodInfo): void {
  const sim = host.sim;
  const store = sim.store;
  const { namespace, name } = splitKey(info.key);
  const pod = store.get('Pod', namespace, name);
  if (!pod || pod.metadata.uid !== info.uid || pod.spec?.nodeName || pod.metadata.deletionTimestamp)
    return;
  const now = sim.now();
  const { pods, nominated } = cachePods(host, store.list('Pod'));
  const ctx: CycleContext = {
    pod,
    snapshot: buildSnapshot(store.list('Node'), pods),
    store,
    state: new Map(),
  };
  host.inFlight = { plugins: new Set(), all: false };
  const r = schedulePod(ctx, {
    filterPlugins: FILTER_PLUGINS,
    scorePlugins: SCORE_PLUGINS,
    nextStartNodeIndex: host.nextStartNodeIndex,
    rng: sim.rng('scheduler/select'),
    nominated,
  });
  host.nextStartNodeIndex = r.nextStartNodeIndex;
  const base = {
    podUid: pod.metadata.uid,
    podKey: info.key,
    time: now,
    filters: r.filters,
    scores: r.scores,
  };
  if (r.host) {
    host.inFlight = null;
    host.scheduleBind(info.key, pod.metadata.uid, r.host);
    host.decisions.add({ ...base, result: 'Scheduled', node: r.host });
    return;
  }
  let message = NO_NODES_AVAILABLE;
  // undefined: leave status.nominatedNodeName as it is; '' clears it.
  let nominatedNode: string | undefined;
  if (r.numAllNodes > 0) {
    const out = preempt(
      ctx,
      r.statuses,
      FILTER_PLUGINS,
      store.list('PodDisruptionBudget'),
      sim.rng('scheduler/preemption'),
      now,
    );
    if (out.candidate) {
      preemptVictims(sim, pod, out.candidate);
      nominatedNode = out.candidate.node;
    } else if (!out.message.startsWith('preemption: not eligible')) {
      nominatedNode = '';
    }
    message = fitErrorMessage(r.numAllNodes, r.statuses.values(), out.message);
  }
  const plugins = [...new Set([...r.statuses.values()].map((s) => s.plugin))];
  const flight = host.inFlight;
  host.inFlight = null;
  const moveRequested =
    flight !== null &&
    (flight.all || plugins.length === 0 || plugins.some((p) => flight.plugins.has(p)));
  host.queue.addUnschedulable(info, plugins, now, moveRequested);
  const current = store.get('Pod', namespace, name);
  if (current && current.metadata.uid === info.uid)
    recordFailure(sim, current, message, nominatedNode);
  host.decisions.add({ ...base, result: 'Unschedulable', message });
}
