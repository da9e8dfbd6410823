/**
 * What a scheduling cycle writes to the API: the binding (`DefaultBinder` → pods/binding), the
 * PodScheduled condition and nominatedNodeName (`handleSchedulingFailure` → updatePod), the
 * preemption of victims (`prepareCandidate`) and the events kube-scheduler records.
 */
import { rfc3339 } from '../clock';
import { events } from '../events';
import { setCondition } from '../api/podutil';
import type { KObject } from '../api/types';
import type { Simulation } from '../sim';
import { SCHEDULER_NAME } from './constants';
import { podPriority } from './nodeinfo';
import { REASON_PREEMPTION_BY_SCHEDULER, type Candidate } from './preemption';

const SOURCE = { component: SCHEDULER_NAME };

/** Binds the pod: spec.nodeName (the Binding subresource), PodScheduled=True, event `Scheduled`. */
export function bindPod(sim: Simulation, pod: KObject, node: string): void {
  const { namespace, name } = pod.metadata;
  sim.store.mutate('Pod', namespace, name, (p) => {
    p.spec.nodeName = node;
  });
  const now = rfc3339(sim.now());
  const bound = sim.store.mutate(
    'Pod',
    namespace,
    name,
    (p) => {
      p.status ??= {};
      setCondition(p.status, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, now);
      // The binding clears the nomination (ClearingNominatedNodeNameAfterBinding, beta in 1.35).
      delete p.status.nominatedNodeName;
    },
    { subresource: 'status' },
  );
  events(sim).record(
    bound,
    'Normal',
    'Scheduled',
    `Successfully assigned ${namespace}/${name} to ${node}`,
    SOURCE,
  );
}

/**
 * Records a failed attempt: PodScheduled=False/Unschedulable with the FitError text, the
 * nominated node when preemption set or cleared one (`nominated` undefined: unchanged), and the
 * Warning event `FailedScheduling`.
 */
export function recordFailure(
  sim: Simulation,
  pod: KObject,
  message: string,
  nominated: string | undefined,
): void {
  const { namespace, name } = pod.metadata;
  const now = rfc3339(sim.now());
  const updated = sim.store.mutate(
    'Pod',
    namespace,
    name,
    (p) => {
      p.status ??= {};
      setCondition(
        p.status,
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message,
          lastProbeTime: null,
        },
        now,
      );
      if (nominated !== undefined) {
        if (nominated) p.status.nominatedNodeName = nominated;
        else delete p.status.nominatedNodeName;
      }
    },
    { subresource: 'status' },
  );
  events(sim).record(updated, 'Warning', 'FailedScheduling', message, SOURCE);
}

/**
 * `prepareCandidate`: marks each victim with DisruptionTarget, deletes it (its own grace period
 * applies), records `Preempted`, and clears the nomination of lower-priority pods nominated to
 * the node.
 */
export function preemptVictims(sim: Simulation, preemptor: KObject, c: Candidate): void {
  const store = sim.store;
  const now = rfc3339(sim.now());
  const schedulerName = (preemptor.spec?.schedulerName as string | undefined) ?? SCHEDULER_NAME;
  for (const v of c.victims) {
    const { namespace, name } = v.metadata;
    const cur = store.get('Pod', namespace, name);
    if (!cur || cur.metadata.uid !== v.metadata.uid) continue;
    store.mutate(
      'Pod',
      namespace,
      name,
      (p) => {
        p.status ??= {};
        setCondition(
          p.status,
          {
            type: 'DisruptionTarget',
            status: 'True',
            reason: REASON_PREEMPTION_BY_SCHEDULER,
            message: `${schedulerName}: preempting to accommodate a higher priority pod`,
          },
          now,
        );
      },
      { subresource: 'status' },
    );
    const marked = store.get('Pod', namespace, name)!;
    store.delete('Pod', namespace, name, { uid: v.metadata.uid });
    events(sim).record(
      marked,
      'Normal',
      'Preempted',
      `Preempted by pod ${preemptor.metadata.uid} on node ${c.node}`,
      SOURCE,
    );
  }
  const prio = podPriority(preemptor);
  for (const p of store.list('Pod')) {
    if (
      p.spec?.nodeName ||
      p.status?.nominatedNodeName !== c.node ||
      p.metadata.uid === preemptor.metadata.uid
    )
      continue;
    if (podPriority(p) >= prio) continue;
    store.mutate(
      'Pod',
      p.metadata.namespace,
      p.metadata.name,
      (x) => delete x.status.nominatedNodeName,
      { subresource: 'status' },
    );
  }
}
