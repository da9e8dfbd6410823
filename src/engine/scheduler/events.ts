/**
 * Which cluster events can help which rejected pods (a coarse form of the plugins'
 * `EventsToRegister` and queueing hints): an unschedulable pod is retried only when something
 * changed that one of the plugins that rejected it cares about.
 */
import { jsonEqual, type KObject } from '../api/types';
import { isPodTerminal } from '../api/podutil';

export const ASSIGNED_POD_ADDED = new Set(['PodTopologySpread', 'InterPodAffinity']);
export const ASSIGNED_POD_DELETED = new Set([
  'NodeResourcesFit',
  'NodePorts',
  'PodTopologySpread',
  'InterPodAffinity',
]);
export const ASSIGNED_POD_LABELS = new Set(['PodTopologySpread', 'InterPodAffinity']);

/** The plugins a node update can help (none for heartbeats and image lists). */
export function nodeUpdatePlugins(old: KObject, cur: KObject): Set<string> {
  const out = new Set<string>();
  if (!!old.spec?.unschedulable !== !!cur.spec?.unschedulable) out.add('NodeUnschedulable');
  if (!jsonEqual(old.spec?.taints ?? [], cur.spec?.taints ?? [])) {
    out.add('TaintToleration');
    out.add('PodTopologySpread');
  }
  if (!jsonEqual(old.metadata.labels ?? {}, cur.metadata.labels ?? {})) {
    for (const p of ['NodeAffinity', 'PodTopologySpread', 'InterPodAffinity']) out.add(p);
  }
  if (!jsonEqual(old.status?.allocatable ?? {}, cur.status?.allocatable ?? {}))
    out.add('NodeResourcesFit');
  return out;
}

/** The plugins a change of a bound pod can help. */
export function assignedPodUpdatePlugins(old: KObject, cur: KObject): Set<string> | undefined {
  if (!isPodTerminal(old) && isPodTerminal(cur)) return ASSIGNED_POD_DELETED;
  if (!jsonEqual(old.metadata.labels ?? {}, cur.metadata.labels ?? {})) return ASSIGNED_POD_LABELS;
  return undefined;
}

/** `isPodUpdated`: anything but status and server-managed metadata changed. */
export function isPodUpdated(old: KObject, cur: KObject): boolean {
  const strip = (p: KObject) => {
    const { resourceVersion: _rv, generation: _g, managedFields: _m, ...md } = p.metadata;
    return { md, spec: p.spec };
  };
  return !jsonEqual(strip(old), strip(cur));
}
