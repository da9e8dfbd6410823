/**
 * One scheduling cycle's algorithm (`k/k:pkg/scheduler/schedule_one.go schedulePod`):
 * PreFilter, Filter over (a percentage of) the nodes starting at nextStartNodeIndex, then
 * PreScore/Score/NormalizeScore with the plugin weights, and selectHost among the best.
 */
import type { KObject } from '../api/types';
import type { RngStream } from '../rng';
import {
  MAX_NODE_SCORE,
  MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND,
  MIN_FEASIBLE_NODES_TO_FIND,
} from './constants';
import {
  runFilters,
  runPreFilters,
  type CycleContext,
  type FilterPlugin,
  type NodeScore,
  type ScorePlugin,
  type Status,
} from './framework';
import { addPod, newNodeInfo, podPriority, type NodeInfo } from './nodeinfo';

export interface FilterRecord {
  node: string;
  passed: boolean;
  plugin?: string;
  reason?: string;
}

export interface ScoreRecord {
  node: string;
  total: number;
  /** Weighted score per plugin. */
  plugins: Record<string, number>;
}

export interface ScheduleResult {
  host?: string;
  filters: FilterRecord[];
  scores: ScoreRecord[];
  /** Nodes that failed Filter, with their status (`Diagnosis.NodeToStatus`). */
  statuses: Map<string, Status>;
  numAllNodes: number;
  nextStartNodeIndex: number;
}

/** `numFeasibleNodesToFind` with percentageOfNodesToScore unset (adaptive). */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentageOfNodesToScore;
  if (pct === 0)
    pct = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** `ErrNoNodesAvailable`. */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/**
 * `FitError.Error`: "0/N nodes are available: " + the reasons histogram sorted as strings, then
 * the PostFilter (preemption) message.
 */
export function fitErrorMessage(
  numAllNodes: number,
  statuses: Iterable<Status>,
  postFilterMsg = '',
): string {
  const counts = new Map<string, number>();
  for (const st of statuses) for (const r of st.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts]
    .map(([r, n]) => `${n} ${r}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let msg = `0/${numAllNodes} nodes are available:`;
  if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}

/** The node info with nominated pods of equal or higher priority added (`addGENominatedPods`). */
function withNominated(
  info: NodeInfo,
  pod: KObject,
  nominated: readonly KObject[],
): NodeInfo | undefined {
  const prio = podPriority(pod);
  const add = nominated.filter(
    (p) => p.metadata.uid !== pod.metadata.uid && podPriority(p) >= prio,
  );
  if (add.length === 0) return undefined;
  const copy = newNodeInfo(info.node, info.pods);
  for (const p of add) addPod(copy, p);
  return copy;
}

/** `RunFilterPluginsWithNominatedPods`: the node must pass with and without the nominated pods. */
export function filterNode(
  ctx: CycleContext,
  info: NodeInfo,
  plugins: readonly FilterPlugin[],
  skipped: Set<string>,
  nominated: readonly KObject[] = [],
): Status | null {
  const withNom = withNominated(info, ctx.pod, nominated);
  if (withNom) {
    const st = runFilters(ctx, withNom, plugins, skipped);
    if (st) return st;
  }
  return runFilters(ctx, info, plugins, skipped);
}

function toRecord(node: string, st: Status | null): FilterRecord {
  return st
    ? { node, passed: false, plugin: st.plugin, reason: st.reasons.join(', ') }
    : { node, passed: true };
}

/** Runs PreScore, Score and NormalizeScore; totals are weighted sums (`prioritizeNodes`). */
export function prioritizeNodes(
  ctx: CycleContext,
  feasible: NodeInfo[],
  plugins: readonly ScorePlugin[],
): ScoreRecord[] {
  const records = feasible.map((n) => ({
    node: n.name,
    total: 0,
    plugins: {} as Record<string, number>,
  }));
  for (const p of plugins) {
    if (p.preScore?.(ctx, feasible) === 'skip') continue;
    const scores: NodeScore[] = feasible.map((n) => ({ name: n.name, score: p.score(ctx, n) }));
    p.normalize?.(ctx, scores);
    scores.forEach((s, i) => {
      const v = Math.min(Math.max(s.score, 0), MAX_NODE_SCORE) * p.weight;
      records[i].plugins[p.name] = v;
      records[i].total += v;
    });
  }
  return records;
}

/** `selectHost`: uniformly random among the highest totals, by reservoir sampling. */
export function selectHost(scores: ScoreRecord[], rng: RngStream): string {
  let best = scores[0];
  let count = 1;
  for (const s of scores.slice(1)) {
    if (s.total > best.total) {
      best = s;
      count = 1;
    } else if (s.total === best.total) {
      count++;
      if (rng.int(count) === 0) best = s;
    }
  }
  return best.node;
}

export interface ScheduleOptions {
  filterPlugins: readonly FilterPlugin[];
  scorePlugins: readonly ScorePlugin[];
  nextStartNodeIndex: number;
  rng: RngStream;
  /** Pods nominated to each node (status.nominatedNodeName) that are not bound yet. */
  nominated: Map<string, KObject[]>;
}

export function schedulePod(ctx: CycleContext, o: ScheduleOptions): ScheduleResult {
  const nodes = ctx.snapshot.nodes;
  const result: ScheduleResult = {
    filters: [],
    scores: [],
    statuses: new Map(),
    numAllNodes: nodes.length,
    nextStartNodeIndex: o.nextStartNodeIndex,
  };
  if (nodes.length === 0) return result;
  const skipped = runPreFilters(ctx, o.filterPlugins);
  const check = (n: NodeInfo) => {
    const st = filterNode(ctx, n, o.filterPlugins, skipped, o.nominated.get(n.name));
    result.filters.push(toRecord(n.name, st));
    if (st) result.statuses.set(n.name, st);
    return st === null;
  };
  // evaluateNominatedNode: a pod that preempted others tries its nominated node first.
  const nnn = ctx.pod.status?.nominatedNodeName as string | undefined;
  const nominatedInfo = nnn ? ctx.snapshot.byName.get(nnn) : undefined;
  if (nominatedInfo && check(nominatedInfo)) {
    result.host = nominatedInfo.name;
    return result;
  }
  result.filters = [];
  result.statuses.clear();
  const want = numFeasibleNodesToFind(nodes.length);
  const feasible: NodeInfo[] = [];
  let processed = 0;
  for (let i = 0; i < nodes.length && feasible.length < want; i++) {
    const n = nodes[(o.nextStartNodeIndex + i) % nodes.length];
    processed++;
    if (check(n)) feasible.push(n);
  }
  result.nextStartNodeIndex = (o.nextStartNodeIndex + processed) % nodes.length;
  if (feasible.length === 0) return result;
  if (feasible.length === 1) {
    result.host = feasible[0].name;
    return result;
  }
  result.scores = prioritizeNodes(ctx, feasible, o.scorePlugins);
  result.host = selectHost(result.scores, o.rng);
  return result;
}
