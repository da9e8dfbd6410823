/**
 * The scheduling framework's extension points as the default profile uses them
 * (`k/k:pkg/scheduler/framework/interface.go`): PreFilter/Filter, PreScore/Score/NormalizeScore.
 * Plugins are plain objects; the cycle's shared data lives in `CycleContext.state`.
 */
import type { ApiStore } from '../api/store';
import type { KObject } from '../api/types';
import type { NodeInfo, Snapshot } from './nodeinfo';

/** `framework.Code` values the default plugins return. */
export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status {
  code: Code;
  /** Each reason counts once in the FitError histogram. */
  reasons: string[];
  plugin: string;
}

export interface CycleContext {
  pod: KObject;
  snapshot: Snapshot;
  store: ApiStore;
  /** Per-cycle plugin data (`framework.CycleState`). */
  state: Map<string, unknown>;
}

export interface FilterPlugin {
  readonly name: string;
  /** Precomputes cycle state. Returning 'skip' skips this plugin's Filter for the pod. */
  preFilter?(ctx: CycleContext): 'skip' | void;
  /** null when the node passes. */
  filter(ctx: CycleContext, node: NodeInfo): Status | null;
}

export interface NodeScore {
  name: string;
  score: number;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** Returning 'skip' leaves the plugin out of this pod's scores (`framework.Skip`). */
  preScore?(ctx: CycleContext, feasible: NodeInfo[]): 'skip' | void;
  score(ctx: CycleContext, node: NodeInfo): number;
  /** Rewrites the raw scores in place to 0..MaxNodeScore. */
  normalize?(ctx: CycleContext, scores: NodeScore[]): void;
}

export function unschedulable(plugin: string, ...reasons: string[]): Status {
  return { code: 'Unschedulable', reasons, plugin };
}

export function unresolvable(plugin: string, ...reasons: string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons, plugin };
}

/** Runs every PreFilter; returns the names of plugins whose Filter is skipped. */
export function runPreFilters(ctx: CycleContext, plugins: readonly FilterPlugin[]): Set<string> {
  const skipped = new Set<string>();
  for (const p of plugins) if (p.preFilter?.(ctx) === 'skip') skipped.add(p.name);
  return skipped;
}

/** `RunFilterPlugins`: the first plugin that rejects the node decides its status. */
export function runFilters(
  ctx: CycleContext,
  node: NodeInfo,
  plugins: readonly FilterPlugin[],
  skipped: Set<string>,
): Status | null {
  for (const p of plugins) {
    if (skipped.has(p.name)) continue;
    const st = p.filter(ctx, node);
    if (st) return st;
  }
  return null;
}

/**
 * `helper.DefaultNormalizeScore`: scales scores to 0..max by the highest one (integer division),
 * optionally reversed.
 */
export function defaultNormalizeScore(max: number, reverse: boolean, scores: NodeScore[]): void {
  let maxCount = 0;
  for (const s of scores) if (s.score > maxCount) maxCount = s.score;
  if (maxCount === 0) {
    if (reverse) for (const s of scores) s.score = max;
    return;
  }
  for (const s of scores) {
    let v = Math.trunc((max * s.score) / maxCount);
    if (reverse) v = max - v;
    s.score = v;
  }
}
