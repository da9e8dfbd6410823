/**
 * Running scripts and scenarios headlessly: the same code serves the Node runner, the tests and
 * the worker's "same trace" check, so a scenario gives the same trace hash everywhere.
 */
import { runHeadless, type FileSource, type Io, type Session } from '../engine/command';
import { createSimulation } from '../engine/cluster/create';
import { defaultClusterConfig, withWorkerCount, type ClusterConfig } from '../engine/config';
import type { Simulation } from '../engine/sim';
import { parseScenario, type Scenario } from './format';
import { parseScript, ScriptExecutor, type Statement } from './script';

export interface RunOptions {
  seed?: number;
  /** Number of worker nodes (`--nodes N`). */
  workers?: number;
  /** Stop at the first failed `expect`. */
  check?: boolean;
  files?: FileSource;
  /** Print each command before its output, as `$ command`. */
  echo?: boolean;
}

export interface RunResult {
  exitCode: number;
  sim: Simulation;
  failedExpects: { line: number; pattern: string }[];
  traceHash: string;
}

export type InputKind = 'scenario' | 'manifests' | 'script';

/** A YAML document stream (scenario or manifests) or a script of command lines. */
export function detectInput(text: string, fileName = ''): InputKind {
  if (
    /^\s*(apiVersion:\s*kubeplay\/v1|kind:\s*Scenario)\b/m.test(text.slice(0, 4096)) &&
    /kind:\s*Scenario/.test(text)
  )
    return 'scenario';
  if (/\.(ya?ml|json)$/i.test(fileName)) return 'manifests';
  const firstCommand =
    text
      .split('\n')
      .find((l) => l.trim() && !l.trim().startsWith('#'))
      ?.trim() ?? '';
  if (/^(apiVersion|kind|metadata|---)\b/.test(firstCommand)) return 'manifests';
  return 'script';
}

function configFor(base: ClusterConfig, opts: RunOptions): ClusterConfig {
  let cfg = { ...base };
  if (opts.seed !== undefined) cfg.seed = opts.seed;
  if (opts.workers !== undefined) cfg = withWorkerCount(cfg, opts.workers);
  return cfg;
}

function execute(sim: Simulation, statements: Statement[], io: Io, opts: RunOptions): RunResult {
  const session: Session = { sim, namespace: 'default', files: opts.files };
  const exec = new ScriptExecutor(session);
  for (const st of statements) {
    if (opts.echo) io.out(`$ ${st.text}\n`);
    const code = runHeadless(sim, exec.run(st, io));
    if (opts.check && exec.failedExpects.length > 0) {
      return { exitCode: 1, sim, failedExpects: exec.failedExpects, traceHash: sim.trace.hash() };
    }
    void code;
  }
  return { exitCode: 0, sim, failedExpects: exec.failedExpects, traceHash: sim.trace.hash() };
}

export function runScript(text: string, io: Io, opts: RunOptions = {}): RunResult {
  const sim = createSimulation(configFor(defaultClusterConfig(), opts));
  const { statements, errors } = parseScript(text);
  for (const e of errors) io.err(`line ${e.line}: ${e.message}\n`);
  return execute(sim, statements, io, opts);
}

/** Step index of the manifests applied at the start (before the first header step). */
export const MANIFESTS_STEP = -1;

/** A statement of a scenario, with the header step it belongs to and the step's `at`. */
export interface PlannedStatement extends Statement {
  /** Simulated ms after the start (first statement of a step with `at` only). */
  at?: number;
  /** Index into `scenario.steps`, or MANIFESTS_STEP. */
  step: number;
}

/** The statements a scenario runs: apply its manifests, then its steps (waiting for `at`). */
export function scenarioStatements(s: Scenario): {
  statements: PlannedStatement[];
  errors: { line: number; message: string }[];
} {
  const statements: PlannedStatement[] = [];
  const errors: { line: number; message: string }[] = [];
  if (s.manifests.trim()) {
    statements.push({
      line: s.manifestsLine,
      text: 'kubectl apply -f -',
      stdin: s.manifests,
      step: MANIFESTS_STEP,
    });
  }
  s.steps.forEach((step, index) => {
    const parsed = parseScript(step.run, step.line);
    errors.push(...parsed.errors);
    parsed.statements.forEach((st, i) =>
      statements.push({
        ...st,
        step: index,
        ...(i === 0 && step.at !== undefined ? { at: step.at } : {}),
      }),
    );
  });
  return { statements, errors };
}

export function runScenario(s: Scenario, io: Io, opts: RunOptions = {}): RunResult {
  const sim = createSimulation(configFor(s.config, opts));
  const { statements, errors } = scenarioStatements(s);
  for (const e of errors) io.err(`line ${e.line}: ${e.message}\n`);
  const session: Session = { sim, namespace: 'default', files: opts.files };
  const exec = new ScriptExecutor(session);
  for (const st of statements) {
    if (st.at !== undefined) sim.advanceTo(s.config.startTime + st.at);
    if (opts.echo) io.out(`$ ${st.text}\n`);
    runHeadless(sim, exec.run(st, io));
    if (opts.check && exec.failedExpects.length > 0) break;
  }
  const failed = exec.failedExpects;
  return {
    exitCode: opts.check && failed.length > 0 ? 1 : 0,
    sim,
    failedExpects: failed,
    traceHash: sim.trace.hash(),
  };
}

/** Runs any input text: a scenario, a manifest stream (applied) or a script. */
export function runText(
  text: string,
  fileName: string,
  io: Io,
  opts: RunOptions = {},
): RunResult | { exitCode: number; error: string } {
  const kind = detectInput(text, fileName);
  if (kind === 'script') return runScript(text, io, opts);
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    const msg = parsed.errors
      .map((e) => `${fileName || 'scenario'}:${e.line}: ${e.message}`)
      .join('\n');
    return { exitCode: 1, error: msg };
  }
  return runScenario(parsed.scenario, io, opts);
}
