/**
 * How commands (kubectl, curl, kubeplay) talk to their host. A command is a generator: it writes
 * output through `Io` and yields a `Wait` whenever it must let simulated time pass (rollout status,
 * wait, delete, drain, -w). The headless runner answers a Wait by running the simulation forward;
 * the app's worker answers it as real time goes by, so the same command streams live in the UI.
 */
import type { Simulation } from './sim';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface Wait {
  /** Checked after every simulation event. */
  until: () => boolean;
  /** Absolute simulated time at which the wait gives up (Infinity for none). */
  timeoutAt: number;
  /** Headless hosts also stop once the cluster has no foreground work left (used by `-w`). */
  untilIdle?: boolean;
}

/** Yields waits, receives whether the condition held, returns the exit code. */
export type CommandRun = Generator<Wait, number, boolean>;

export interface FileSource {
  /** Contents of a file named on the command line (relative to the script), or undefined. */
  read(path: string): string | undefined;
  /** Entries of a directory (for `apply -f DIR`), or undefined if it is not a directory. */
  list(dir: string): string[] | undefined;
}

/** Per-terminal state: the kubeconfig's current namespace, files, stdin for `-f -`. */
export interface Session {
  sim: Simulation;
  namespace: string;
  files?: FileSource;
}

/** Runs a command to its end in simulated time (headless runner, tests). */
export function runHeadless(sim: Simulation, run: CommandRun): number {
  let r = run.next();
  while (!r.done) {
    const w = r.value;
    const ok = sim.runUntil(w.until, w.timeoutAt, { untilIdle: w.untilIdle });
    r = run.next(ok);
  }
  return r.value;
}

/** An Io that collects output, for tests and the runner. */
export function bufferIo(): Io & { stdout: string; stderr: string } {
  const b = {
    stdout: '',
    stderr: '',
    out(t: string) {
      b.stdout += t;
    },
    err(t: string) {
      b.stderr += t;
    },
  };
  return b;
}
