/**
 * Engine benchmarks. Budgets (named below) come from what the app needs:
 * - the worker must keep up with 50x playback using at most half a core, so 60 simulated seconds
 *   of the default scenario with traffic must take at most 600 ms of wall time;
 * - step back restores a snapshot and replays, so snapshot + restore of a 300-pod cluster must
 *   stay within one 60 Hz frame budget x 3 (50 ms);
 * - a 300-replica rolling update on 10 nodes (the largest lesson size) should run headless in
 *   under 5 s, so course authors can check scenarios in CI quickly.
 */
import { performance } from 'node:perf_hooks';
import { createSimulation, restoreSimulation } from '../src/engine/cluster/create';
import { defaultClusterConfig, withWorkerCount } from '../src/engine/config';
import { bufferIo, runHeadless } from '../src/engine/command';
import { runText } from '../src/scenario/run';
import { runLine } from '../src/scenario/script';
import { DEFAULT_SCENARIO } from '../src/scenario/default';
import { parseScenario } from '../src/scenario/format';

export const BUDGET_REALTIME_60S_MS = 600;
export const BUDGET_SNAPSHOT_RESTORE_MS = 50;
export const BUDGET_ROLLOUT_300_MS = 5000;

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  budget: number;
  detail?: string;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

export function benchRealtime(): BenchResult {
  const parsed = parseScenario(DEFAULT_SCENARIO);
  if (!parsed.ok) throw new Error('default scenario does not parse');
  const r = runText(DEFAULT_SCENARIO, 'default.yaml', bufferIo());
  if (!('sim' in r)) throw new Error('default scenario failed');
  const sim = r.sim;
  const before = sim.trace.count;
  const [, ms] = time(() => sim.advance(60_000));
  return {
    name: '60 s of the default scenario with traffic (50x playback needs <= 600 ms)',
    value: ms,
    unit: 'ms',
    budget: BUDGET_REALTIME_60S_MS,
    detail: `${sim.trace.count - before} trace entries`,
  };
}

function bigCluster(replicas: number, workers: number) {
  const sim = createSimulation(withWorkerCount(defaultClusterConfig({ seed: 3 }), workers));
  const session = { sim, namespace: 'default' };
  const io = bufferIo();
  runHeadless(
    sim,
    runLine(
      session,
      `kubectl create deployment web --image=nginx:1.14.2 --replicas=${replicas}`,
      io,
    ),
  );
  runHeadless(sim, runLine(session, 'kubectl rollout status deployment/web --timeout=10m', io));
  return { sim, session, io };
}

export function benchRollout(): BenchResult {
  const [{ sim, session, io }, setupMs] = time(() => bigCluster(300, 10));
  const [, ms] = time(() => {
    runHeadless(sim, runLine(session, 'kubectl set image deployment/web nginx=nginx:1.16.1', io));
    runHeadless(sim, runLine(session, 'kubectl rollout status deployment/web --timeout=30m', io));
  });
  if (!io.stdout.includes('successfully rolled out'))
    throw new Error(`rollout did not finish:\n${io.stdout.slice(-500)}`);
  return {
    name: '300-replica rolling update on 10 nodes, headless',
    value: ms,
    unit: 'ms',
    budget: BUDGET_ROLLOUT_300_MS,
    detail: `initial scale-up took ${setupMs.toFixed(0)} ms`,
  };
}

export function benchSnapshot(): BenchResult {
  const { sim } = bigCluster(300, 10);
  // Step back restores repeatedly: report the median of several runs after a warm-up.
  const runs: { snapMs: number; restoreMs: number; bytes: number }[] = [];
  for (let i = 0; i < 6; i++) {
    const [snap, snapMs] = time(() => sim.snapshot());
    const [, restoreMs] = time(() => restoreSimulation(snap));
    runs.push({ snapMs, restoreMs, bytes: i === 0 ? JSON.stringify(snap).length : 0 });
  }
  const measured = runs.slice(1).sort((a, b) => a.snapMs + a.restoreMs - (b.snapMs + b.restoreMs));
  const median = measured[Math.floor(measured.length / 2)];
  return {
    name: 'snapshot + restore of a 300-pod cluster (median of 5 after a warm-up)',
    value: median.snapMs + median.restoreMs,
    unit: 'ms',
    budget: BUDGET_SNAPSHOT_RESTORE_MS,
    detail: `snapshot ${median.snapMs.toFixed(1)} ms, restore ${median.restoreMs.toFixed(1)} ms, ${(runs[0].bytes / 1024).toFixed(0)} KiB`,
  };
}
