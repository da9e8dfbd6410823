/**
 * Helpers for the node-and-network scenario tests: run a kubectl/curl session through the headless
 * runner and read each command's output separately.
 */
import type { Io } from '../../src/engine/command';
import { runScript, runText } from '../../src/scenario/run';
import type { Simulation } from '../../src/engine/sim';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface Session {
  sim: Simulation;
  stdout: string;
  stderr: string;
  /** Output (stdout and stderr, interleaved) of every command whose line starts with `prefix`, in order. */
  outputs(prefix: string): string[];
  /** Output of the n-th (0-based) command starting with `prefix`; the last one when n < 0. */
  out(prefix: string, n?: number): string;
  /** The n-th command's output starting with `prefix`, parsed as JSON. */
  json(prefix: string, n?: number): Json;
}

function session(sim: Simulation, io: CombinedIo): Session {
  const { stdout, stderr } = io;
  // With `echo` every command's output follows a `$ command` line.
  const blocks = io.combined.split(/^\$ /m).slice(1);
  const outputs = (prefix: string) =>
    blocks.filter((b) => b.startsWith(prefix)).map((b) => b.slice(b.indexOf('\n') + 1));
  const out = (prefix: string, n = 0) => {
    const all = outputs(prefix);
    const o = n < 0 ? all[all.length + n] : all[n];
    if (o === undefined) throw new Error(`no output for "${prefix}" #${n}:\n${stdout}`);
    return o;
  };
  return {
    sim,
    stdout,
    stderr,
    outputs,
    out,
    json: (prefix, n = 0) => JSON.parse(out(prefix, n)) as Json,
  };
}

interface CombinedIo extends Io {
  stdout: string;
  stderr: string;
  combined: string;
}

function combinedIo(): CombinedIo {
  const b: CombinedIo = {
    stdout: '',
    stderr: '',
    combined: '',
    out(t: string) {
      b.stdout += t;
      // The runner's `$ command` echo after output without a final newline (jsonpath).
      if (t.startsWith('$ ') && b.combined && !b.combined.endsWith('\n')) b.combined += '\n';
      b.combined += t;
    },
    err(t: string) {
      b.stderr += t;
      b.combined += t;
    },
  };
  return b;
}

/** Runs a script of command lines (kubectl, curl, sleep, kubeplay ...). */
export function run(script: string, seed = 1): Session {
  const io = combinedIo();
  const r = runScript(script, io, { seed, echo: true });
  return session(r.sim, io);
}

/** Runs a scenario (header + manifests + steps). */
export function runScenarioText(text: string): Session {
  const io = combinedIo();
  const r = runText(text, 'scenario.yaml', io, { echo: true });
  if (!('sim' in r)) throw new Error(r.error);
  return session(r.sim, io);
}

/** Rows of a kubectl table (header excluded), split on runs of spaces. */
export function rows(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s{2,}/));
}

/** Seconds since the scenario's start for an RFC 3339 timestamp. */
export function secondsBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 1000;
}
