/**
 * DefaultPreemption, the PostFilter plugin (`k/k:pkg/scheduler/framework/plugins/defaultpreemption`
 * and `framework/preemption/preemption.go`): finds nodes where evicting lower-priority pods lets
 * the pod fit, keeps as many of them as possible (PDB-protected first), and picks the node whose
 * victims hurt least. This module only decides; the scheduler component carries out the result.
 */
import type { KObject } from '../api/types';
import { labelSelectorMatches } from '../api/selectors';
import type { RngStream } from '../rng';
import { parseTime } from '../clock';
import { MIN_CANDIDATE_NODES_ABSOLUTE, MIN_CANDIDATE_NODES_PERCENTAGE } from './constants';
import { filterNode, fitErrorMessage } from './algorithm';
import {
  runPreFilters,
  unresolvable,
  type CycleContext,
  type FilterPlugin,
  type Status,
} from './framework';
import { newNodeInfo, podPriority, replaceNode, type NodeInfo } from './nodeinfo';

export const MSG_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const MSG_NO_VICTIMS = 'No preemption victims found for incoming pod';
export const MSG_PREEMPT_NEVER = 'not eligible due to preemptionPolicy=Never.';
export const MSG_TERMINATING_ON_NOMINATED =
  'not eligible due to a terminating pod on the nominated node.';
/** `v1.PodReasonPreemptionByScheduler`. */
export const REASON_PREEMPTION_BY_SCHEDULER = 'PreemptionByScheduler';

export interface Candidate {
  node: string;
  /** Sorted from most to least important. */
  victims: KObject[];
  numPDBViolations: number;
}

export interface PreemptionOutcome {
  /** The chosen candidate; undefined when preemption cannot help. */
  candidate?: Candidate;
  /** PostFilter status message ("preemption: ..."), empty on success. */
  message: string;
}

function startTime(p: KObject, now: number): number {
  return parseTime(p.status?.startTime) ?? now;
}

/** `util.MoreImportantPod`: higher priority, then earlier start. */
export function moreImportant(a: KObject, b: KObject, now: number): number {
  return podPriority(b) - podPriority(a) || startTime(a, now) - startTime(b, now);
}

function terminatingByPreemption(p: KObject): boolean {
  if (!p.metadata.deletionTimestamp) return false;
  return ((p.status?.conditions ?? []) as { type: string; reason?: string }[]).some(
    (c) => c.type === 'DisruptionTarget' && c.reason === REASON_PREEMPTION_BY_SCHEDULER,
  );
}

/** `PodEligibleToPreemptOthers`; returns a message when the pod may not preempt. */
function ineligible(ctx: CycleContext, statuses: Map<string, Status>): string | undefined {
  if (ctx.pod.spec?.preemptionPolicy === 'Never') return MSG_PREEMPT_NEVER;
  const nnn = ctx.pod.status?.nominatedNodeName as string | undefined;
  if (!nnn) return undefined;
  if (statuses.get(nnn)?.code === 'UnschedulableAndUnresolvable') return undefined;
  const info = ctx.snapshot.byName.get(nnn);
  const prio = podPriority(ctx.pod);
  if (info?.pods.some((p) => podPriority(p) < prio && terminatingByPreemption(p)))
    return MSG_TERMINATING_ON_NOMINATED;
  return undefined;
}

/** `filterPodsWithPDBViolation`. */
function splitByPDB(
  pods: KObject[],
  pdbs: KObject[],
): { violating: KObject[]; nonViolating: KObject[] } {
  const allowed = pdbs.map((p) => (p.status?.disruptionsAllowed as number | undefined) ?? 0);
  const violating: KObject[] = [];
  const nonViolating: KObject[] = [];
  for (const pod of pods) {
    let violated = false;
    if (Object.keys(pod.metadata.labels ?? {}).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (pdb.metadata.namespace !== pod.metadata.namespace) return;
        const sel = pdb.spec?.selector;
        // A nil or empty PDB selector matches nothing here.
        if (
          !sel ||
          (!sel.matchLabels && !sel.matchExpressions) ||
          !labelSelectorMatches(sel, pod.metadata.labels)
        )
          return;
        if (pdb.status?.disruptedPods?.[pod.metadata.name]) return;
        allowed[i]--;
        if (allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}

/** Filters the pod against a what-if version of one node (PreFilter state recomputed). */
function fitsOn(
  ctx: CycleContext,
  info: NodeInfo,
  plugins: readonly FilterPlugin[],
): Status | null {
  const what: CycleContext = {
    ...ctx,
    snapshot: replaceNode(ctx.snapshot, info),
    state: new Map(),
  };
  const skipped = runPreFilters(what, plugins);
  return filterNode(what, info, plugins, skipped);
}

/** `SelectVictimsOnNode`. */
export function selectVictimsOnNode(
  ctx: CycleContext,
  info: NodeInfo,
  pdbs: KObject[],
  plugins: readonly FilterPlugin[],
  now: number,
): { victims: KObject[]; numPDBViolations: number } | Status {
  const prio = podPriority(ctx.pod);
  const potential = info.pods.filter((p) => podPriority(p) < prio);
  if (potential.length === 0) return unresolvable('DefaultPreemption', MSG_NO_VICTIMS);
  const remaining = info.pods.filter((p) => podPriority(p) >= prio);
  const st = fitsOn(ctx, newNodeInfo(info.node, remaining), plugins);
  if (st) return st;
  potential.sort((a, b) => moreImportant(a, b, now));
  const { violating, nonViolating } = splitByPDB(potential, pdbs);
  const victims: KObject[] = [];
  let numPDBViolations = 0;
  const kept = [...remaining];
  const reprieve = (p: KObject): boolean => {
    const fits = fitsOn(ctx, newNodeInfo(info.node, [...kept, p]), plugins) === null;
    if (fits) kept.push(p);
    else victims.push(p);
    return fits;
  };
  for (const p of violating) if (!reprieve(p)) numPDBViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length > 0 && nonViolating.length > 0)
    victims.sort((a, b) => moreImportant(a, b, now));
  return { victims, numPDBViolations };
}

/** `pickOneNodeForPreemption`: fewest PDB violations, lowest top victim, lowest priority sum, fewest victims, latest start. */
export function pickOneNodeForPreemption(cands: Candidate[], now: number): Candidate {
  const keys: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -(c.victims.length ? podPriority(c.victims[0]) : -Infinity),
    (c) => -c.victims.reduce((s, v) => s + podPriority(v) + 2 ** 31, 0),
    (c) => -c.victims.length,
    (c) => {
      const top = c.victims.length ? podPriority(c.victims[0]) : 0;
      const times = c.victims.filter((v) => podPriority(v) === top).map((v) => startTime(v, now));
      return times.length ? Math.min(...times) : -Infinity;
    },
  ];
  let best = cands;
  for (const k of keys) {
    if (best.length === 1) break;
    const max = Math.max(...best.map(k));
    best = best.filter((c) => k(c) === max);
  }
  return best[0];
}

/** `GetOffsetAndNumCandidates`. */
function numCandidates(n: number): number {
  const c = Math.max(
    Math.trunc((n * MIN_CANDIDATE_NODES_PERCENTAGE) / 100),
    MIN_CANDIDATE_NODES_ABSOLUTE,
  );
  return Math.min(c, n);
}

/** `Evaluator.Preempt` up to choosing the candidate. */
export function preempt(
  ctx: CycleContext,
  statuses: Map<string, Status>,
  plugins: readonly FilterPlugin[],
  pdbs: KObject[],
  rng: RngStream,
  now: number,
): PreemptionOutcome {
  const no = ineligible(ctx, statuses);
  if (no) return { message: `preemption: ${no}` };
  const nodeStatus = new Map<string, Status>();
  const potential: NodeInfo[] = [];
  for (const n of ctx.snapshot.nodes) {
    const st = statuses.get(n.name);
    if (!st || st.code === 'UnschedulableAndUnresolvable')
      nodeStatus.set(n.name, unresolvable('DefaultPreemption', MSG_NOT_HELPFUL));
    else potential.push(n);
  }
  const cands: Candidate[] = [];
  if (potential.length > 0) {
    const offset = rng.int(potential.length);
    const want = numCandidates(potential.length);
    let nonViolating = 0;
    for (let i = 0; i < potential.length; i++) {
      const n = potential[(offset + i) % potential.length];
      const r = selectVictimsOnNode(ctx, n, pdbs, plugins, now);
      if ('code' in r) {
        nodeStatus.set(n.name, r);
        continue;
      }
      cands.push({ node: n.name, ...r });
      if (r.numPDBViolations === 0) nonViolating++;
      if (nonViolating > 0 && cands.length >= want) break;
    }
  }
  if (cands.length === 0)
    return { message: `preemption: ${fitErrorMessage(nodeStatus.size, nodeStatus.values())}` };
  return { candidate: pickOneNodeForPreemption(cands, now), message: '' };
}
